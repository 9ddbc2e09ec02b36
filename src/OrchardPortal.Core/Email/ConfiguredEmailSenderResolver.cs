using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Every tenant sends with the process-wide <c>Email:Smtp</c> settings, as its company name; with no
/// SMTP host configured, mail goes to <c>App_Data/Sites/{tenant}/mail-pickup/</c>.
/// </summary>
public sealed class ConfiguredEmailSenderResolver(
    IOptionsMonitor<SmtpOptions> smtp,
    IOptions<TenancyOptions> tenancy,
    AppDataPaths paths,
    ILogger<ConfiguredEmailSenderResolver> logger) : IEmailSenderResolver
{
    private int _warnedAboutPickup;

    public ValueTask<IEmailSender> ResolveAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        var options = smtp.CurrentValue;
        var address = string.IsNullOrWhiteSpace(options.FromAddress) ? $"no-reply@{tenancy.Value.RootDomain}" : options.FromAddress.Trim();
        var name = string.IsNullOrWhiteSpace(options.FromName) ? tenant.CompanyName : options.FromName;
        var from = new MailAddress(address, name, Encoding.UTF8);
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            return ValueTask.FromResult<IEmailSender>(new SmtpEmailSender(options, from));
        }

        var folder = Path.Combine(paths.TenantFolder(tenant.Name), "mail-pickup");
        if (Interlocked.Exchange(ref _warnedAboutPickup, 1) == 0)
        {
            logger.LogWarning("Email:Smtp:Host is not configured: email is written to each tenant's mail-pickup folder (e.g. {Folder}) instead of being sent", folder);
        }

        return ValueTask.FromResult<IEmailSender>(new PickupFolderEmailSender(folder, from));
    }
}
