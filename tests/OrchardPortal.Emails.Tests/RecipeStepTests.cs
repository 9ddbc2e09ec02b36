using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Emails.Tests.Infrastructure;

namespace OrchardPortal.Emails.Tests;

public sealed class RecipeStepTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    private IReadOnlyList<string> Validate(string templatesJson)
    {
        var recipe = RecipeCatalog.Parse($$"""{ "name": "broken", "steps": [ { "name": "email-templates", "templates": {{templatesJson}} } ] }""");
        using var scope = app.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(recipe);
    }

    [Fact]
    public void The_shipped_default_recipe_has_valid_templates_for_every_key()
    {
        using var scope = app.App.Services.CreateScope();
        var recipe = scope.ServiceProvider.GetRequiredService<RecipeCatalog>().Find("default")!;

        Assert.Empty(scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(recipe));
        var defaults = scope.ServiceProvider.GetRequiredService<Templates.EmailTemplateDefaults>();
        Assert.All(Core.Email.Templates.EmailTemplateKeys.All, key => Assert.NotNull(defaults.Find(key)));
    }

    [Fact]
    public void An_unknown_key_is_refused_naming_the_step()
    {
        var error = Assert.Single(Validate("""[ { "key": "newsletter", "subject": "Hi", "html": "<p>Hi</p>" } ]"""));

        Assert.StartsWith("Step 1 'email-templates': template 'newsletter': unknown key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_subject_is_refused_naming_the_step()
    {
        var error = Assert.Single(Validate("""[ { "key": "invoice", "subject": " ", "html": "<p>Hi</p>" } ]"""));

        Assert.Equal("Step 1 'email-templates': template 'invoice', subject: The subject is empty.", error);
    }

    [Fact]
    public void Liquid_that_does_not_parse_is_refused_with_its_line_and_column()
    {
        var error = Assert.Single(Validate("""[ { "key": "invoice", "subject": "Invoice", "html": ["<p>Hi</p>", "<p>{{ invoice.number </p>"] } ]"""));

        Assert.StartsWith("Step 1 'email-templates': template 'invoice', html: Line 2, column ", error, StringComparison.Ordinal);
    }
}
