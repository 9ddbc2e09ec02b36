using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Emails.Smtp;

/// <summary>
/// Replaces Core's resolver: a tenant's own SMTP settings when it has them, else the host-wide
/// <c>Email:Smtp</c> default, else the tenant's pickup folder. The outbox dispatcher is a singleton, so
/// settings are read through a tenant scope; the sender is cached per tenant until the settings are saved.
/// </summary>
public sealed class TenantEmailSenderResolver(TenantScopeFactory scopes, ConfiguredEmailSenderResolver hostDefault, SmtpPasswordProtector protector) : IEmailSenderResolver
{
    private readonly ConcurrentDictionary<string, IEmailSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async ValueTask<IEmailSender> ResolveAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        if (_senders.TryGetValue(tenant.Name, out var cached))
        {
            return cached;
        }

        var generation = _generations.GetValueOrDefault(tenant.Name);

        IEmailSender sender;
        await using (var scope = scopes.CreateScope(tenant))
        {
            var settings = await scope.ServiceProvider.GetRequiredService<SiteSettingsService>()
                .GetAsync<TenantSmtpSettings>(TenantSmtpSettings.DocumentName, cancellationToken);
            if (settings.IsConfigured)
            {
                var password = protector.Unprotect(tenant.Name, settings.ProtectedPassword);
                sender = scope.ServiceProvider.GetRequiredService<SmtpSettingsService>().CreateSender(settings, password, tenant.CompanyName);
            }
            else
            {
                sender = await hostDefault.ResolveAsync(tenant, cancellationToken);
            }
        }

        // Settings saved while they were being read: use this sender once, but don't keep it.
        if (_generations.GetValueOrDefault(tenant.Name) == generation)
        {
            _senders[tenant.Name] = sender;
        }

        return sender;
    }

    /// <summary>Forgets the tenant's sender; the next delivery reads its settings again.</summary>
    public void Invalidate(string tenantName)
    {
        _generations.AddOrUpdate(tenantName, 1, (_, generation) => generation + 1);
        _senders.TryRemove(tenantName, out _);
    }
}
