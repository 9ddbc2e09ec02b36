using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Theming;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.CustomerPortal;
using OrchardPortal.Messages.Data;
using OrchardPortal.Messages.Navigation;
using OrchardPortal.Messages.Notifications;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages;

/// <summary>
/// Registers the Messages module: two-way conversation threads between customers and staff (general, or
/// about an invoice, estimate, visit or service request), unread counts, attachments and email notifications.
/// Upload limits and the storage of attachment bytes are the Documents module's (<c>Documents:MaxUploadBytes</c>, <c>IDocumentStore</c>).
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, MessagesModel>();
        services.AddSingleton<DataMigration, MessagesMigration>();
        services.AddScoped<AttachmentReader>();
        services.AddScoped<MessageClock>();
        services.AddScoped<NewMessageEmail>();
        services.AddScoped<UnreadMessages>();
        services.AddScoped<MessageService>();

        // What a conversation can be about: each kind resolved through its owning module's service.
        services.AddScoped<IMessageSubjectSource, InvoiceSubjectSource>();
        services.AddScoped<IMessageSubjectSource, EstimateSubjectSource>();
        services.AddScoped<IMessageSubjectSource, VisitSubjectSource>();
        services.AddScoped<IMessageSubjectSource, ServiceRequestSubjectSource>();
        services.AddScoped<MessageSubjectResolver>();

        services.AddScoped<MessagesPortalModel>();
        services.AddScoped<IPortalTabContent, MessagesTabContent>();
        services.AddScoped<MessagesPortalPages>();
        services.AddScoped<IThemeGlobalsProvider, UnreadMessagesGlobalsProvider>();

        services.AddSingleton(new AdminMenuItem("Messages", MessagePaths.Admin, 37));
        services.AddScoped<IAdminMenuBadge, UnreadMessagesMenuBadge>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMessagesPortal();
}
