using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Security;

namespace OrchardPortal.Tenants.Operators;

/// <summary>
/// Creates the operator account named in configuration (<c>Operator:Email</c>, <c>Operator:Password</c>)
/// at start-up. Runs after the host database is migrated (hosted services start in registration order,
/// and the platform registers its initializer before any module).
/// </summary>
internal sealed class OperatorSeeder(IServiceScopeFactory scopeFactory, IOptions<OperatorOptions> options, ILogger<OperatorSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value;
        if (string.IsNullOrWhiteSpace(configured.Email) || string.IsNullOrEmpty(configured.Password))
        {
            return;
        }

        // A malformed or weak configured credential is a deployment mistake: refuse to start rather than
        // run with it or silently leave the first-run page open to anyone. Resemblance to the email is only
        // a warning here: whoever sets configuration chose it deliberately.
        var problem = EmailAddress.Normalize(configured.Email) is null
            ? "Operator:Email is not a valid email address."
            : PasswordPolicy.Validate(configured.Password) is { } weak ? "Operator:Password: " + weak : null;
        if (problem is not null)
        {
            throw new InvalidOperationException($"The configured operator account is invalid. {problem} {PasswordPolicy.Hint}");
        }

        if (PasswordPolicy.Validate(configured.Password, configured.Email, configured.Name) is { } personal)
        {
            logger.LogWarning("Operator:Password is weak: {Problem}", personal);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OperatorAccountService>();
        await accounts.EnsureAccountAsync(configured.Email, configured.Name ?? "", configured.Password, cancellationToken);
        logger.LogInformation("Operator account {Email} is configured", EmailAddress.Normalize(configured.Email));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
