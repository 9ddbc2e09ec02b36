using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Billing.Refunds;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay;
using OrchardPortal.Payments.Data;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Gateways.Stripe;
using OrchardPortal.Payments.InvoiceLinks;
using OrchardPortal.Payments.Pages.Admin.Payments;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Payments.Reconciliation;
using OrchardPortal.Payments.Recording;
using OrchardPortal.Payments.SavedMethods;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Payments.Webhooks;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments;

/// <summary>
/// Registers the Payments module: the gateways (our Stripe REST client and the offline Sandbox) behind one
/// interface, payment attempts, the per-tenant Stripe webhook, and the admin's payment settings.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, PaymentsModel>();
        services.AddSingleton<DataMigration, PaymentsMigration>();

        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section));
        services.AddHttpClient<StripeClient>();
        services.AddScoped<SandboxStore>();
        services.AddScoped<SandboxGateway>();
        services.AddScoped<PaymentSettingsService>();
        services.AddScoped<PaymentGatewayResolver>();
        services.AddScoped<PaymentAttemptService>();
        services.AddScoped<IPaymentRecorder, BillingPaymentRecorder>();
        services.AddScoped<PaymentReceiptEmail>();
        // Registered after Billing's "not connected" default: the last registration wins.
        services.AddScoped<IRefundGateway, GatewayRefunds>();
        services.AddScoped<StripeWebhookProcessor>();
        services.AddScoped<PayService>();
        services.AddScoped<PayPages>();
        services.AddScoped<SavedMethodsPages>();
        services.AddScoped<IThemeGlobalsProvider, PaymentsGlobalsProvider>();
        services.AddScoped<IPortalTabContent, PaymentsTabContent>();

        services.AddSingleton<IModelContributor, InvoiceLinksModel>();
        services.AddSingleton<DataMigration, InvoiceLinksMigration>();
        services.Configure<InvoiceLinkOptions>(configuration.GetSection(InvoiceLinkOptions.Section));
        services.AddScoped<InvoiceLinkService>();
        services.AddScoped<InvoiceLinkPages>();
        services.AddScoped<AddMethodPages>();
        services.AddPaymentReconciliation(configuration);

        services.AddSingleton(new AdminMenuItem("Payments", PaymentSettingsModel.Path, 60));

        services.AddAutopay(configuration);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStripeWebhook();
        endpoints.MapPay();
        endpoints.MapInvoiceLinks();
        SavedMethodsPages.Map(endpoints);
        AddMethodPages.Map(endpoints);
        endpoints.MapAutopay();
    }
}
