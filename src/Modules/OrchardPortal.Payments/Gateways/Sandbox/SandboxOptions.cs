namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>Sandbox behaviour (configuration section <c>Payments:Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>How long a test ACH debit stays "processing" before it settles or fails (real ones take days).</summary>
    public TimeSpan AchSettlementDelay { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>A Sandbox payment as stored with its idempotency key and turned into a <see cref="PaymentResult"/>.</summary>
public sealed record SandboxPaymentSnapshot(string Id, long Amount, PaymentStatus Status, string? FailureCode, string ClientSecret, PaymentMethodSummary? Method)
{
    public static SandboxPaymentSnapshot From(SandboxPayment payment, SandboxMethod? method) =>
        new(payment.Id, payment.Amount, payment.Status, payment.FailureCode, payment.ClientSecret, method is null ? null : SandboxGateway.Summary(method));

    public PaymentResult ToResult() => Status switch
    {
        PaymentStatus.Succeeded => new PaymentSucceeded(Id, Amount, Method),
        PaymentStatus.Processing => new PaymentProcessing(Id, Amount, Method),
        PaymentStatus.RequiresAction => new PaymentRequiresAction(Id, Amount, ClientSecret, SandboxGateway.AuthenticateAction),
        _ => Failed(),
    };

    private PaymentFailed Failed()
    {
        var (reason, message) = Gateways.Stripe.StripeErrorMessages.Describe(FailureCode, null);
        return new PaymentFailed(Id, Amount, reason, message);
    }
}
