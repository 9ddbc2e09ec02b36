using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Billing.CustomerPortal;
using OrchardPortal.Billing.Data;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Recipes;
using OrchardPortal.Billing.Refunds;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Statements;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Billing;

/// <summary>
/// Registers the Billing module: invoices, estimates, the customer ledger and its public recording
/// contract for payment code (<see cref="BillingLedger"/>), statements, the staff pages under
/// <c>/admin/invoices</c> and <c>/admin/estimates</c>, the customer portal's Invoices, Estimates and
/// History tabs with their detail pages, and the demo recipe's invoices.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, BillingModel>();
        services.AddSingleton<DataMigration, BillingMigration>();
        services.AddScoped<BillingContext>();
        services.AddScoped<DocumentNumbers>();
        services.AddScoped<DocumentValidator>();
        services.AddScoped<InvoiceService>();
        services.AddScoped<EstimateService>();
        services.AddScoped<EstimateDecisionEmail>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<StatementService>();
        // The Payments module registers its own after this one; the last registration wins.
        services.AddScoped<IRefundGateway, RefundGatewayNotConnected>();
        services.AddScoped<IRecipeStepHandler, SampleInvoicesRecipeStep>();
        services.AddScoped<IPortalTabContent, InvoicesTabContent>();
        services.AddScoped<IPortalTabContent, EstimatesTabContent>();
        services.AddScoped<IPortalTabContent, HistoryTabContent>();
        services.AddScoped<BillingPortalPages>();
        services.AddSingleton(new AdminMenuItem("Invoices", BillingPaths.Invoices, 20));
        services.AddSingleton(new AdminMenuItem("Estimates", BillingPaths.Estimates, 30));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBillingPortal();
}
