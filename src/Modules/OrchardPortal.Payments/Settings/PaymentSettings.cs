using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Settings;

/// <summary>
/// A tenant's payment settings document (<c>Payments</c>). Keys are stored only as Data Protection payloads
/// whose purpose names the tenant, so a copied document is useless on another tenant; they are never shown back.
/// </summary>
public sealed class PaymentSettings
{
    public const string DocumentName = "Payments";

    public GatewayKind Gateway { get; set; } = GatewayKind.Sandbox;

    public string? ProtectedSecretKey { get; set; }

    public string? ProtectedPublishableKey { get; set; }

    public string? ProtectedWebhookSecret { get; set; }

    /// <summary>"test" or "live", from the secret key's prefix when it was saved (shown without decrypting).</summary>
    public string? KeyMode { get; set; }

    /// <summary>The last four characters of the secret key, so staff can tell which key is saved.</summary>
    public string? SecretKeyHint { get; set; }

    /// <summary>The smallest payment a customer may make, in minor units (a partial payment below it is refused).</summary>
    public long MinimumPaymentAmount { get; set; } = 100;

    /// <summary>After a failed autopay charge, how many days before the same invoice is tried again.</summary>
    public int AutopayRetryIntervalDays { get; set; } = 3;
}

/// <summary>The keys of a tenant's Stripe account, decrypted for a call.</summary>
public sealed record StripeCredentials(string SecretKey, string? PublishableKey, string? WebhookSecret)
{
    public bool IsTestMode => Gateways.Stripe.StripeKeys.IsTestKey(SecretKey);
}
