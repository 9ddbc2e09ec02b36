using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Emails.Smtp;
using OrchardPortal.Emails.Templates;

namespace OrchardPortal.Emails.Pages.Admin.Emails;

/// <summary>The tenant's emails: each template with when it is sent and when it was last edited, and where mail goes.</summary>
[SiteScope(Site.Tenant)]
public sealed class EmailListModel(EmailTemplateEditor editor, SmtpSettingsService smtp, IEmailDeliveryStatus delivery) : PageModel
{
    public IReadOnlyList<EmailTemplateSummary> Templates { get; private set; } = [];

    public MailRoute Route { get; private set; }

    public int FailedCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Templates = await editor.ListAsync(cancellationToken);
        Route = await smtp.RouteAsync(cancellationToken);
        FailedCount = await delivery.CountFailedAsync(cancellationToken);
    }
}
