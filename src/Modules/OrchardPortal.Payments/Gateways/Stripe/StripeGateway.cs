using System.Text.Json;

namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>
/// <see cref="IPaymentGateway"/> over Stripe for one tenant's secret key. Card and bank details are collected
/// by Stripe's Payment Element in the browser; this server only ever sees <c>pm_…</c> ids.
/// </summary>
public sealed class StripeGateway(StripeClient client, string secretKey) : IPaymentGateway
{
    private static readonly string[] ExpandMethod = ["payment_method"];

    public GatewayKind Kind => GatewayKind.Stripe;

    public bool IsTestMode => StripeKeys.IsTestKey(secretKey);

    public async Task<string> EnsureCustomerAsync(GatewayCustomerRequest request, CancellationToken cancellationToken)
    {
        var customer = await PostAsync("v1/customers", new Dictionary<string, object?>
        {
            ["name"] = request.Name,
            ["email"] = request.Email,
            ["metadata"] = new Dictionary<string, object?> { ["customer_id"] = request.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, request.IdempotencyKey, cancellationToken);
        return StripeObjects.String(customer, "id") ?? throw new PaymentGatewayException("Stripe returned a customer without an id.", "invalid_response");
    }

    public async Task<PaymentResult> CreatePaymentAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "A payment amount must be positive.");
        }

        var parameters = new Dictionary<string, object?>
        {
            ["amount"] = request.Amount,
            ["currency"] = request.Currency.ToLowerInvariant(),
            ["customer"] = request.GatewayCustomerId,
            ["payment_method"] = request.PaymentMethodId,
            ["payment_method_types"] = new[] { MethodType(request.Kind) },
            ["confirm"] = true,
            ["description"] = request.Description,
            ["metadata"] = request.Metadata.ToDictionary(m => m.Key, m => (object?)m.Value),
            // The method's brand and last four come back with the intent, for the receipt.
            ["expand"] = ExpandMethod,
        };
        if (request.OffSession)
        {
            parameters["off_session"] = true;
        }
        else
        {
            parameters["return_url"] = request.ReturnUrl;
            if (request.SaveMethod)
            {
                parameters["setup_future_usage"] = "off_session";
            }

            if (request.Kind == PaymentMethodKind.BankAccount && request.CustomerIpAddress is not null)
            {
                // A server-side confirmation of an ACH debit must carry the customer's mandate acceptance.
                parameters["mandate_data"] = new Dictionary<string, object?>
                {
                    ["customer_acceptance"] = new Dictionary<string, object?>
                    {
                        ["type"] = "online",
                        ["online"] = new Dictionary<string, object?> { ["ip_address"] = request.CustomerIpAddress, ["user_agent"] = request.CustomerUserAgent ?? "unknown" },
                    },
                };
            }
        }

        try
        {
            return StripeObjects.ToPaymentResult(await PostAsync("v1/payment_intents", parameters, request.IdempotencyKey, cancellationToken));
        }
        catch (StripeException exception) when (exception.Error.Type == "card_error" || exception.Error.HttpStatus == 402)
        {
            // A decline on confirmation is an answer, not a fault: the intent exists and says why.
            var (reason, message) = StripeErrorMessages.Describe(exception.Error);
            var paymentId = exception.Error.PaymentIntent is { } intent ? StripeObjects.String(intent, "id") : null;
            return new PaymentFailed(paymentId, request.Amount, reason, message);
        }
    }

    public async Task<PaymentResult> GetPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        StripeObjects.ToPaymentResult(await GetAsync($"v1/payment_intents/{Uri.EscapeDataString(paymentId)}", [new("expand", ExpandMethod)], cancellationToken));

    public async Task<PaymentResult> VerifyMicrodepositsAsync(MicrodepositVerification request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["amounts"] = request.Amounts?.ToArray(),
            ["descriptor_code"] = request.DescriptorCode,
        };
        try
        {
            return StripeObjects.ToPaymentResult(await PostAsync($"v1/payment_intents/{Uri.EscapeDataString(request.PaymentId)}/verify_microdeposits", parameters, request.IdempotencyKey, cancellationToken));
        }
        catch (StripeException exception) when (exception.Error.HttpStatus == 400 && exception.Error.Type == "invalid_request_error")
        {
            // Wrong amounts: the payment still waits for the right ones (Stripe allows a few tries).
            return new PaymentRequiresAction(request.PaymentId, 0, "", "verify_with_microdeposits");
        }
    }

    public async Task<SetupResult> CreateSetupAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["customer"] = request.GatewayCustomerId,
            ["payment_method_types"] = new[] { MethodType(request.Kind) },
            ["usage"] = "off_session",
            ["payment_method"] = request.PaymentMethodId,
        };
        if (request.PaymentMethodId is not null)
        {
            parameters["confirm"] = true;
        }

        try
        {
            return StripeObjects.ToSetupResult(await PostAsync("v1/setup_intents", parameters, request.IdempotencyKey, cancellationToken));
        }
        catch (StripeException exception) when (exception.Error.Type == "card_error" || exception.Error.HttpStatus == 402)
        {
            return new SetupResult("", "requires_payment_method", null, null, StripeErrorMessages.Describe(exception.Error).CustomerMessage);
        }
    }

    public async Task<IReadOnlyList<SavedPaymentMethod>> ListMethodsAsync(string gatewayCustomerId, CancellationToken cancellationToken)
    {
        var customerPath = $"v1/customers/{Uri.EscapeDataString(gatewayCustomerId)}";
        var customer = await GetAsync(customerPath, null, cancellationToken);
        var defaultId = customer.TryGetProperty("invoice_settings", out var settings) ? DefaultMethodId(settings) : null;
        var list = await GetAsync(customerPath + "/payment_methods", [new("limit", 100)], cancellationToken);
        var methods = new List<SavedPaymentMethod>();
        if (list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var method in data.EnumerateArray())
            {
                if (StripeObjects.String(method, "id") is { } id && StripeObjects.MethodSummary(method) is { } summary)
                {
                    methods.Add(new SavedPaymentMethod(id, summary, id == defaultId));
                }
            }
        }

        return methods;
    }

    public Task SetDefaultMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken) =>
        PostAsync($"v1/customers/{Uri.EscapeDataString(gatewayCustomerId)}", new Dictionary<string, object?>
        {
            ["invoice_settings"] = new Dictionary<string, object?> { ["default_payment_method"] = methodId },
        }, $"default:{gatewayCustomerId}:{methodId}:{Guid.NewGuid():N}", cancellationToken);

    public async Task<bool> RemoveMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken)
    {
        JsonElement method;
        try
        {
            method = await GetAsync($"v1/payment_methods/{Uri.EscapeDataString(methodId)}", null, cancellationToken);
        }
        catch (StripeException exception) when (exception.Error.HttpStatus == 404)
        {
            return false;
        }

        // Only ever detach a method of this customer: the id came from a form.
        if (StripeObjects.String(method, "customer") != gatewayCustomerId)
        {
            return false;
        }

        await PostAsync($"v1/payment_methods/{Uri.EscapeDataString(methodId)}/detach", new Dictionary<string, object?>(), $"detach:{methodId}", cancellationToken);
        return true;
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var refund = await PostAsync("v1/refunds", new Dictionary<string, object?>
        {
            ["payment_intent"] = request.PaymentId,
            ["amount"] = request.Amount,
            ["metadata"] = request.Reason is null ? null : new Dictionary<string, object?> { ["reason"] = request.Reason },
        }, request.IdempotencyKey, cancellationToken);
        return StripeObjects.ToRefundResult(refund);
    }

    /// <summary>
    /// A cheap authenticated call for the admin's "Check connection" button: one customer, which also proves
    /// the key may read customers (a restricted key without that permission could not take payments).
    /// </summary>
    public async Task CheckConnectionAsync(CancellationToken cancellationToken) => await GetAsync("v1/customers", [new("limit", 1)], cancellationToken);

    private static string MethodType(PaymentMethodKind kind) => kind == PaymentMethodKind.BankAccount ? "us_bank_account" : "card";

    private static string? DefaultMethodId(JsonElement settings) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("default_payment_method", out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object => StripeObjects.String(value, "id"),
                _ => null,
            }
            : null;

    private Task<JsonElement> GetAsync(string path, IEnumerable<KeyValuePair<string, object?>>? query, CancellationToken cancellationToken) =>
        Translate(() => client.GetAsync(secretKey, path, query, cancellationToken));

    private Task<JsonElement> PostAsync(string path, Dictionary<string, object?> parameters, string idempotencyKey, CancellationToken cancellationToken) =>
        Translate(() => client.PostAsync(secretKey, path, parameters, idempotencyKey, cancellationToken));

    /// <summary>Errors that are the tenant's set-up, not the customer's card, become <see cref="PaymentGatewayException"/>s.</summary>
    private static async Task<JsonElement> Translate(Func<Task<JsonElement>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException exception) when (exception.Error.HttpStatus == 401)
        {
            throw new PaymentGatewayException("The Stripe secret key was refused.", "invalid_api_key", exception);
        }
        catch (StripeException exception) when (exception.Error.HttpStatus is >= 500 or 409 or 429)
        {
            // Still failing after the client's retries with the same key: Stripe gave no usable answer, so the
            // outcome of a money-moving call is unknown (IPaymentGateway's contract), not a refusal.
            throw new PaymentGatewayException($"Stripe answered {exception.Error.HttpStatus} after retries; the outcome is unknown.", "gateway_unavailable", exception);
        }
        catch (StripeException exception) when (exception.Error.Type == "idempotency_error")
        {
            throw new PaymentGatewayException("The same payment key was used with different details.", "idempotency_key_reused", exception);
        }
    }
}

/// <summary>What a Stripe key's prefix says.</summary>
public static class StripeKeys
{
    public static bool IsTestKey(string key) => key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal);

    public static bool IsLiveKey(string key) => key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal);
}
