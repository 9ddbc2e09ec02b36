using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email outbox, its dispatcher and the configured sender (<c>Email:Smtp</c>, <c>Email:Outbox</c>).</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Email:Smtp"));
        services.Configure<OutboxOptions>(configuration.GetSection("Email:Outbox"));
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<SmtpOptions>().ValidateOnStart();

        services.AddSingleton<IModelContributor, OutboxModel>();
        services.AddSingleton<DataMigration, OutboxMigration>();
        services.AddSingleton<IModelContributor, OutboxHostModel>();
        services.AddSingleton<DataMigration, OutboxHostMigration>();
        services.AddSingleton<OutboxMarks>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<ITenantActivationHandler, OutboxActivationHandler>();
        // The host-wide sender stays resolvable by type: a tenant-aware resolver (the Emails module) falls back to it.
        services.TryAddSingleton<ConfiguredEmailSenderResolver>();
        services.TryAddSingleton<IEmailSenderResolver>(sp => sp.GetRequiredService<ConfiguredEmailSenderResolver>());
        services.AddScoped<IEmailDeliveryStatus, EmailDeliveryStatus>();
        services.AddSingleton<OutboxSchedule>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxDispatcher>();

        // One interceptor per tenant context: it remembers whether that context saved outbox rows
        // inside a transaction that has not committed yet.
        services.ConfigureDbContext<TenantDbContext>((sp, builder) => builder.AddInterceptors(
            new OutboxCommitInterceptor(sp.GetRequiredService<TenantScope>(), sp.GetRequiredService<OutboxSchedule>(), sp.GetRequiredService<OutboxMarks>())));
        return services;
    }
}
