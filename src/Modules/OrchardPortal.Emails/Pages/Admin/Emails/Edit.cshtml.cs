using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Emails.Templates;

namespace OrchardPortal.Emails.Pages.Admin.Emails;

/// <summary>
/// Edits one email: subject, HTML body and optional text part, with the variables listed beside them.
/// "Preview" renders the unsaved text with sample data into a sandboxed frame; saving checks the
/// template (line and column on syntax errors, then a trial render) and keeps nothing that fails.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class EditEmailModel(EmailTemplateEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty]
    public string Subject { get; set; } = "";

    [BindProperty]
    public string HtmlBody { get; set; } = "";

    [BindProperty]
    public string? TextBody { get; set; }

    [BindProperty]
    public string? SampleTo { get; set; }

    public EmailTemplateDetails Template { get; private set; } = null!;

    public IReadOnlyList<EmailTemplateFieldError> Errors { get; private set; } = [];

    public RenderedEmail? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        (Subject, HtmlBody, TextBody) = (Template.Content.Subject, Template.Content.HtmlBody, Template.Content.TextBody);
        SampleTo = User.FindFirstValue(ClaimTypes.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var by = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        Errors = await editor.SaveAsync(Key, Content(), by, cancellationToken);
        if (Errors.Count > 0)
        {
            return Invalid();
        }

        TempData.Flash($"Saved. The next “{Template.Definition.Name}” email uses your version.");
        return Redirect(EmailPaths.EditTemplate(Key));
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        (Preview, Errors) = await editor.PreviewAsync(Key, Content(), cancellationToken);
        return Errors.Count > 0 ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var removed = await editor.ResetAsync(Key, cancellationToken);
        TempData.Flash(removed ? $"“{Template.Definition.Name}” is back to the standard version." : $"“{Template.Definition.Name}” already uses the standard version.");
        return Redirect(EmailPaths.EditTemplate(Key));
    }

    public async Task<IActionResult> OnPostSendSampleAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!await editor.SendSampleAsync(Key, SampleTo, cancellationToken))
        {
            ModelState.AddModelError(nameof(SampleTo), "Enter a full email address, like you@example.com.");
            // The sample form posts only the address: show the saved template in the editor again.
            (Subject, HtmlBody, TextBody) = (Template.Content.Subject, Template.Content.HtmlBody, Template.Content.TextBody);
            return Page();
        }

        TempData.Flash($"Sample queued: “{Template.Definition.Name}” is on its way to {SampleTo!.Trim()}. It uses the saved version, with sample data.");
        return Redirect(EmailPaths.EditTemplate(Key));
    }

    /// <summary>The error shown under <paramref name="field"/>, or null.</summary>
    public TemplateError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Error;

    private EmailTemplateContent Content() => new(Subject ?? "", HtmlBody ?? "", TextBody);

    private PageResult Invalid()
    {
        foreach (var error in Errors)
        {
            ModelState.AddModelError(error.Field, error.Error.ToString());
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var template = await editor.GetAsync(Key ?? "", cancellationToken);
        if (template is null)
        {
            return false;
        }

        Template = template;
        return true;
    }
}
