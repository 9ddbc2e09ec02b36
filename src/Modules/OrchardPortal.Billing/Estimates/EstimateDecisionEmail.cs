using System.Globalization;
using System.Net;
using System.Text;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Billing.Estimates;

/// <summary>
/// Tells the office a customer approved or declined an estimate: one plain email (built in code) to each
/// of the portal settings' notification addresses, enqueued in the caller's unit of work so it commits
/// with the decision. Everything the customer typed is HTML-encoded.
/// </summary>
public sealed class EstimateDecisionEmail(IEmailOutbox outbox, PortalSettingsService portal, BillingContext billing)
{
    public async Task EnqueueAsync(Estimate estimate, CancellationToken cancellationToken)
    {
        var settings = await portal.GetAsync(cancellationToken);
        if (settings.NotificationEmails.Count == 0)
        {
            return;
        }

        var money = await billing.FormatterAsync(cancellationToken);
        var approved = estimate.Status == EstimateStatus.Approved;
        var verb = approved ? "approved" : "declined";
        var customer = estimate.CustomerName.ReplaceLineEndings(" ").Trim();
        var when = estimate.DecidedUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "";
        var html = new StringBuilder()
            .Append("<p><strong>").Append(Encode(customer)).Append("</strong> ").Append(verb).Append(" estimate ")
            .Append(Encode(estimate.Number)).Append(" (").Append(Encode(money(estimate.Total))).Append(").</p>");
        var text = new StringBuilder()
            .Append(customer).Append(' ').Append(verb).Append(" estimate ").Append(estimate.Number)
            .Append(" (").Append(money(estimate.Total)).AppendLine(").").AppendLine();
        if (approved)
        {
            html.Append("<p>Signed as “").Append(Encode(estimate.SignedName ?? "")).Append("” on ").Append(when)
                .Append(" from IP address ").Append(Encode(estimate.DecidedIp ?? "unknown")).Append(".</p>");
            text.Append("Signed as \"").Append(estimate.SignedName).Append("\" on ").Append(when)
                .Append(" from IP address ").Append(estimate.DecidedIp ?? "unknown").AppendLine(".");
        }
        else
        {
            var comment = estimate.DeclineComment ?? "(no comment)";
            html.Append("<p><strong>Their comment:</strong> ").Append(Encode(comment).ReplaceLineEndings("<br>")).Append("</p>");
            text.Append("Their comment: ").AppendLine(comment);
        }

        foreach (var to in settings.NotificationEmails)
        {
            outbox.Enqueue(new OutboundEmail
            {
                To = to,
                Subject = $"{customer} {verb} estimate {estimate.Number}",
                HtmlBody = html.ToString(),
                TextBody = text.ToString(),
            });
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
