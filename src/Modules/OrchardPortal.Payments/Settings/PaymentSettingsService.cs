using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Settings;

/// <summary>Reads and saves <see cref="PaymentSettings"/>, encrypting keys for the current tenant.</summary>
public sealed class PaymentSettingsService(SiteSettingsService settings, IDataProtectionProvider protection, TenantScope scope)
{
    public const long MaxMinimumPayment = 100_000_00;
    public const int MaxRetryIntervalDays = 60;

    public Task<PaymentSettings> GetAsync(CancellationToken cancellationToken) =>
        settings.GetAsync<PaymentSettings>(PaymentSettings.DocumentName, cancellationToken);

    /// <summary>The tenant's decrypted Stripe keys, or null when none are saved (or they can no longer be decrypted).</summary>
    public StripeCredentials? GetStripeKeys(PaymentSettings value)
    {
        var secret = Unprotect(value.ProtectedSecretKey);
        return secret is null ? null : new StripeCredentials(secret, Unprotect(value.ProtectedPublishableKey), Unprotect(value.ProtectedWebhookSecret));
    }

    /// <summary>
    /// Saves the choice of gateway and the limits. Key fields left empty keep the saved key (they are never
    /// shown back, so an empty field means "unchanged"). Returns errors by field; nothing is saved when there are any.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(PaymentSettingsChange change, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = await GetAsync(cancellationToken);
        var secret = Clean(change.SecretKey);
        var publishable = Clean(change.PublishableKey);
        var webhook = Clean(change.WebhookSecret);
        if (secret is not null && !Gateways.Stripe.StripeKeys.IsTestKey(secret) && !Gateways.Stripe.StripeKeys.IsLiveKey(secret))
        {
            errors["SecretKey"] = "A Stripe secret key starts with sk_test_ or sk_live_ (or rk_ for a restricted key).";
        }

        if (publishable is not null && !publishable.StartsWith("pk_test_", StringComparison.Ordinal) && !publishable.StartsWith("pk_live_", StringComparison.Ordinal))
        {
            errors["PublishableKey"] = "A Stripe publishable key starts with pk_test_ or pk_live_.";
        }

        if (secret is not null && publishable is not null && Gateways.Stripe.StripeKeys.IsTestKey(secret) != publishable.StartsWith("pk_test_", StringComparison.Ordinal))
        {
            errors["PublishableKey"] = "The publishable key must be from the same mode (test or live) as the secret key.";
        }

        if (webhook is not null && !webhook.StartsWith("whsec_", StringComparison.Ordinal))
        {
            errors["WebhookSecret"] = "A webhook signing secret starts with whsec_.";
        }

        if (change.Gateway == GatewayKind.Stripe && secret is null && current.ProtectedSecretKey is null)
        {
            errors["SecretKey"] = "Enter your Stripe secret key to take payments through Stripe.";
        }

        if (change.MinimumPaymentAmount is < 1 or > MaxMinimumPayment)
        {
            errors["MinimumPayment"] = "Enter a minimum payment of at least 0.01.";
        }

        if (change.AutopayRetryIntervalDays is < 1 or > MaxRetryIntervalDays)
        {
            errors["AutopayRetryIntervalDays"] = $"Enter a number of days from 1 to {MaxRetryIntervalDays}.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        current.Gateway = change.Gateway;
        current.MinimumPaymentAmount = change.MinimumPaymentAmount;
        current.AutopayRetryIntervalDays = change.AutopayRetryIntervalDays;
        if (secret is not null)
        {
            current.ProtectedSecretKey = Protect(secret);
            current.KeyMode = Gateways.Stripe.StripeKeys.IsTestKey(secret) ? "test" : "live";
            current.SecretKeyHint = secret[^4..];
        }

        if (publishable is not null)
        {
            current.ProtectedPublishableKey = Protect(publishable);
        }

        if (webhook is not null)
        {
            current.ProtectedWebhookSecret = Protect(webhook);
        }

        await settings.SaveAsync(PaymentSettings.DocumentName, current, cancellationToken);
        return errors;
    }

    private IDataProtector Protector => protection.CreateProtector("OrchardPortal.Payments.Keys", scope.Required.Name);

    private string Protect(string value) => Protector.Protect(value);

    private string? Unprotect(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            // Keys from another tenant, or a lost key ring: treat as not set, so staff are asked to enter them again.
            return null;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What the settings form submits.</summary>
public sealed record PaymentSettingsChange(GatewayKind Gateway, string? SecretKey, string? PublishableKey, string? WebhookSecret, long MinimumPaymentAmount, int AutopayRetryIntervalDays);
