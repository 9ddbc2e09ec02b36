using System.Globalization;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.Messages.Notifications;

/// <summary>
/// Tells the other side about a new message, one email per recipient per message, enqueued in the
/// message's own transaction so it goes out exactly when the message is saved. Staff messages go to the
/// customer's active portal users who may open Messages (the tenant's <c>new-message</c> template);
/// customer messages go to the portal settings' notification addresses (a plain email built here, like
/// the other office notifications). The author never gets their own message.
/// </summary>
public sealed class NewMessageEmail(
    IEmailTemplateService templates,
    IEmailOutbox outbox,
    IPortalAccessPolicy policy,
    PortalSettingsService portal,
    PortalUserService users,
    CustomerService customers,
    TenantLinks links,
    ILogger<NewMessageEmail> logger)
{
    public async Task EnqueueAsync(MessageThread thread, Message message, int attachmentCount, CancellationToken cancellationToken)
    {
        try
        {
            if (message.AuthorKind == MessageAuthorKind.Staff)
            {
                await ToCustomerAsync(thread, message, attachmentCount, cancellationToken);
            }
            else
            {
                await ToOfficeAsync(thread, message, attachmentCount, cancellationToken);
            }
        }
        catch (ArgumentException exception)
        {
            // A stored address the mail layer refuses must not lose the message itself; staff see it in the log.
            logger.LogError(exception, "The notification for message {MessageId} could not be queued.", message.Id);
        }
    }

    private async Task ToCustomerAsync(MessageThread thread, Message message, int attachmentCount, CancellationToken cancellationToken)
    {
        // A customer who cannot open Messages (tab off, hidden, portal denied) would only find a dead link.
        var customerKey = thread.CustomerId.ToString(CultureInfo.InvariantCulture);
        if (await policy.CheckTabAsync(customerKey, PortalTabs.Messages.Key, cancellationToken) != PortalAccessDecision.Allowed
            || await customers.GetAsync(thread.CustomerId, cancellationToken) is not { } customer)
        {
            return;
        }

        var model = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = customer.DisplayName, ["account_number"] = customer.AccountNumber },
            ["thread"] = new Dictionary<string, object?> { ["title"] = thread.Title },
            ["message"] = new Dictionary<string, object?> { ["author"] = message.AuthorName, ["body"] = message.Body, ["attachment_count"] = attachmentCount },
            ["link"] = links.Absolute(MessagePaths.PortalThread(thread.Id)),
        };
        foreach (var user in await users.ListForCustomerAsync(thread.CustomerId, cancellationToken))
        {
            var tabs = user.Permissions.Tabs;
            if (user.Status == PortalUserStatus.Active && (tabs is null || tabs.Contains(PortalTabs.Messages.Key)))
            {
                outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.NewMessage, user.Email, user.Name, model, cancellationToken));
            }
        }
    }

    private async Task ToOfficeAsync(MessageThread thread, Message message, int attachmentCount, CancellationToken cancellationToken)
    {
        var settings = await portal.GetAsync(cancellationToken);
        if (settings.NotificationEmails.Count == 0)
        {
            return;
        }

        var customer = await customers.GetAsync(thread.CustomerId, cancellationToken);
        var author = message.AuthorPortalUserId is { } userId ? await users.GetAsync(userId, cancellationToken) : null;
        var link = links.Absolute(MessagePaths.AdminThread(thread.Id));
        var email = OfficeEmail.Build(customer?.DisplayName ?? "A customer", customer?.AccountNumber, thread.Title, message, attachmentCount, link);
        foreach (var to in settings.NotificationEmails)
        {
            if (author is not null && string.Equals(author.Email, to, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            outbox.Enqueue(email with { To = to });
        }
    }
}
