using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Emails.Templates;

namespace OrchardPortal.Emails.Recipes;

/// <summary>
/// Seeds the tenant's email templates (see <see cref="EmailTemplatesStep"/> for the format). Checked like
/// the editor checks a save: an unknown key, an empty or multi-line subject or Liquid that does not
/// parse stops the recipe before any step runs.
/// </summary>
public sealed class EmailTemplatesRecipeStep(EmailTemplateValidator validator) : IRecipeStepHandler
{
    public const string Author = "Portal setup";

    public string StepName => EmailTemplatesStep.Name;

    public IEnumerable<string> Validate(JsonElement step)
    {
        var (templates, errors) = EmailTemplatesStep.Read(step);
        foreach (var error in errors)
        {
            yield return error;
        }

        foreach (var (key, content) in templates)
        {
            foreach (var problem in validator.Validate(content))
            {
                yield return $"template '{key}', {FieldName(problem.Field)}: {problem.Error}";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var (templates, _) = EmailTemplatesStep.Read(step);
        var editor = context.Services.GetRequiredService<EmailTemplateEditor>();
        foreach (var (key, content) in templates)
        {
            await editor.StoreAsync(key, content, Author, cancellationToken);
        }
    }

    private static string FieldName(string field) => field switch
    {
        nameof(EmailTemplateContent.HtmlBody) => "html",
        nameof(EmailTemplateContent.TextBody) => "text",
        _ => "subject",
    };
}
