using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Emails.Data;
using OrchardPortal.Emails.Delivery;
using OrchardPortal.Emails.Recipes;
using OrchardPortal.Emails.Smtp;
using OrchardPortal.Emails.Templates;

namespace OrchardPortal.Emails;

/// <summary>
/// Registers the Emails module: each tenant's email templates (rendered through the theme's email
/// layout, seeded by the <c>email-templates</c> recipe step), its own SMTP settings (which replace
/// Core's host-wide sender resolver), and the admin pages for both and for mail that could not be delivered.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, EmailsModel>();
        services.AddSingleton<DataMigration, EmailsMigration>();

        services.AddSingleton<EmailTemplateValidator>();
        services.AddSingleton<EmailTemplateDefaults>();
        services.AddSingleton<EmailTemplateCache>();
        services.AddScoped<EmailTemplateService>();
        services.AddScoped<IEmailTemplateService>(sp => sp.GetRequiredService<EmailTemplateService>());
        services.AddScoped<EmailTemplateEditor>();
        services.AddScoped<IRecipeStepHandler, EmailTemplatesRecipeStep>();

        services.AddSingleton<SmtpPasswordProtector>();
        services.AddScoped<SmtpSettingsService>();
        services.AddSingleton<TenantEmailSenderResolver>();
        // Core registers the host-wide resolver; each tenant's own settings take its place.
        services.RemoveAll<IEmailSenderResolver>();
        services.AddSingleton<IEmailSenderResolver>(sp => sp.GetRequiredService<TenantEmailSenderResolver>());

        services.AddScoped<IAdminMenuBadge, FailedEmailsMenuBadge>();
        services.AddSingleton(new AdminMenuItem("Emails", EmailPaths.List, 700));
    }
}
