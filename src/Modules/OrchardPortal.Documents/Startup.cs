using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Documents.CustomerPortal;
using OrchardPortal.Documents.Data;
using OrchardPortal.Documents.Services;
using OrchardPortal.Documents.Storage;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Documents;

/// <summary>
/// Registers the Documents module: the documents table, per-tenant file storage, the staff pages under
/// <c>/admin/documents</c>, and the portal's Documents tab with its upload and download URLs.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = new DocumentOptions();
        configuration.GetSection(DocumentOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IModelContributor, DocumentsModel>();
        services.AddSingleton<DataMigration, DocumentsMigration>();
        services.AddScoped<IDocumentStore, FileSystemDocumentStore>();
        services.AddScoped<UploadRequestReader>();
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentsPortalModel>();
        services.AddScoped<IPortalTabContent, DocumentsTabContent>();
        services.AddScoped<DocumentsPortalPages>();
        services.AddSingleton(new AdminMenuItem("Documents", DocumentPaths.Admin, 40));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDocumentsPortal();
}
