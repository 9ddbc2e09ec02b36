using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Issues a link and queues the email that carries it, both added to the tenant context unsaved: the
/// caller's save commits them together. Emails are rendered from the tenant's templates.
/// </summary>
public sealed class PortalEmails(PortalTokenStore tokens, IEmailTemplateService templates, IEmailOutbox outbox, TenantLinks links)
{
    public async Task QueueInvitationAsync(PortalUser user, Customer customer, int lifetimeDays, CancellationToken cancellationToken)
    {
        var token = tokens.Issue(user.Id, PortalTokenPurpose.Invitation, TimeSpan.FromDays(lifetimeDays));
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["recipient"] = Recipient(user),
            ["customer"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = customer.DisplayName, ["account_number"] = customer.AccountNumber },
            ["link"] = links.Absolute(PortalAccountPaths.Activate(token)),
            ["expires_days"] = lifetimeDays,
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.Invitation, user.Email, user.Name, model, cancellationToken));
    }

    public async Task QueuePasswordResetAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var token = tokens.Issue(user.Id, PortalTokenPurpose.PasswordReset, PortalTokenStore.PasswordResetLifetime);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["recipient"] = Recipient(user),
            ["link"] = links.Absolute(PortalAccountPaths.ResetPassword(token)),
            ["expires_minutes"] = (int)PortalTokenStore.PasswordResetLifetime.TotalMinutes,
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.PasswordReset, user.Email, user.Name, model, cancellationToken));
    }

    public async Task QueueSignInLinkAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var token = tokens.Issue(user.Id, PortalTokenPurpose.SignInLink, PortalTokenStore.SignInLinkLifetime);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["recipient"] = Recipient(user),
            ["link"] = links.Absolute(PortalAccountPaths.SignInLink(token)),
            ["expires_minutes"] = (int)PortalTokenStore.SignInLinkLifetime.TotalMinutes,
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.SignInLink, user.Email, user.Name, model, cancellationToken));
    }

    private static Dictionary<string, object?> Recipient(PortalUser user) =>
        new(StringComparer.Ordinal) { ["name"] = user.Name, ["email"] = user.Email };
}
