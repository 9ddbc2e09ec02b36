using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Gateways.Stripe;
using OrchardPortal.Payments.Settings;

namespace OrchardPortal.Payments.Gateways;

/// <summary>The gateway the current tenant chose in the admin: Stripe with its keys, or the Sandbox.</summary>
public sealed class PaymentGatewayResolver(PaymentSettingsService settings, StripeClient stripe, SandboxGateway sandbox)
{
    public async Task<IPaymentGateway> GetAsync(CancellationToken cancellationToken)
    {
        var value = await settings.GetAsync(cancellationToken);
        return Resolve(value);
    }

    /// <summary>The gateway of a saved attempt (a tenant may have switched since; an attempt stays with its gateway).</summary>
    public async Task<IPaymentGateway> GetAsync(GatewayKind kind, CancellationToken cancellationToken)
    {
        if (kind == GatewayKind.Sandbox)
        {
            return sandbox;
        }

        var value = await settings.GetAsync(cancellationToken);
        return Stripe(value) ?? throw new PaymentGatewayException("Stripe is not connected.", "not_configured");
    }

    /// <summary>Stripe chosen but its key unreadable is a fault to fix, not a reason to take test payments instead.</summary>
    private IPaymentGateway Resolve(PaymentSettings value) =>
        value.Gateway == GatewayKind.Stripe
            ? Stripe(value) ?? throw new PaymentGatewayException("Stripe is chosen but its secret key cannot be read; enter it again in Payments settings.", "not_configured")
            : sandbox;

    private StripeGateway? Stripe(PaymentSettings value) =>
        settings.GetStripeKeys(value) is { } keys ? new StripeGateway(stripe, keys.SecretKey) : null;
}
