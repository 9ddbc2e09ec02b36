using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Modules;

namespace OrchardPortal.Messages;

/// <summary>
/// Registers the Messages module: two-way conversation threads between customers and staff (general, or about an invoice, estimate, visit or service request), unread counts, attachments and email notifications.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
