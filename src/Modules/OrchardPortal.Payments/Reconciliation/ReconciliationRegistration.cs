using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Payments.Reconciliation;

/// <summary>Reconciliation's part of the Payments module's <see cref="Startup"/>.</summary>
internal static class ReconciliationRegistration
{
    public static void AddPaymentReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, ReconciliationModel>();
        services.AddSingleton<DataMigration, ReconciliationMigration>();
        services.Configure<ReconciliationOptions>(configuration.GetSection(ReconciliationOptions.Section));
        services.AddScoped<AttemptRequestStore>();
        services.AddScoped<PaymentReconciler>();
        services.AddSingleton<ReconciliationJob>();
        services.AddHostedService<ReconciliationBackgroundService>();
    }
}
