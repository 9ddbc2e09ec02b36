using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Security;
using OrchardPortal.Emails.Smtp;

namespace OrchardPortal.Emails.Pages.Admin.Emails;

/// <summary>
/// The tenant's own mail server. The saved password is never shown; a blank password keeps it. "Send
/// test email" tries the values on the form (saved or not) straight away and reports the server's answer.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class EmailSettingsModel(SmtpSettingsService smtp, SiteIdentityService site) : PageModel
{
    [BindProperty]
    public SmtpSettingsInput Input { get; set; } = new();

    [BindProperty]
    public string? TestTo { get; set; }

    public MailRoute Route { get; private set; }

    public bool HasSavedPassword { get; private set; }

    /// <summary>The outcome of "Send test email": null when none was sent, else (succeeded, message).</summary>
    public (bool Succeeded, string Message)? TestResult { get; private set; }

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = SmtpSettingsInput.From(await smtp.GetAsync(cancellationToken));
        TestTo = User.FindFirstValue(ClaimTypes.Email);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Errors = Unreadable();
        if (Errors.Count == 0)
        {
            Errors = await smtp.SaveAsync(Input, cancellationToken);
        }

        if (Errors.Count > 0)
        {
            return await InvalidAsync(cancellationToken);
        }

        TempData.Flash(string.IsNullOrWhiteSpace(Input.Host) ? "Saved. Your portal uses the standard mail settings." : $"Saved. Emails now go through {Input.Host!.Trim()}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        Errors = Unreadable();
        foreach (var (field, message) in SmtpSettingsService.Validate(Input))
        {
            Errors.TryAdd(field, message);
        }

        var to = EmailAddress.Normalize(TestTo);
        if (to is null)
        {
            Errors[nameof(TestTo)] = "Enter the address to send the test to, like you@example.com.";
        }

        if (Errors.Count > 0)
        {
            return await InvalidAsync(cancellationToken);
        }

        var error = await smtp.SendTestAsync(Input, to!, await site.GetCompanyNameAsync(cancellationToken), cancellationToken);
        TestResult = error is null
            ? (true, $"Test email sent to {to}. The mail server accepted it; check that inbox (and its spam folder).")
            : (false, "The test email could not be sent: " + error);
        Input.Password = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Values the form could not even read (letters in the port): binding left a default that must not be saved.</summary>
    private Dictionary<string, string> Unreadable()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ModelState.TryGetValue("Input.Port", out var port) && port.Errors.Count > 0)
        {
            errors[nameof(SmtpSettingsInput.Port)] = "The port is a number from 1 to 65535 (usually 587, or 25).";
        }

        if (ModelState.TryGetValue("Input.Security", out var security) && security.Errors.Count > 0)
        {
            errors[nameof(SmtpSettingsInput.Security)] = "Choose None or STARTTLS.";
        }

        return errors;
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Input.Password = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Route = await smtp.RouteAsync(cancellationToken);
        HasSavedPassword = (await smtp.GetAsync(cancellationToken)).ProtectedPassword is not null;
    }
}
