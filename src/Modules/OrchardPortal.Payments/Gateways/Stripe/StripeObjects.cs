using System.Text.Json;

namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>Reads the parts of Stripe's objects the payment flow needs into our gateway types.</summary>
internal static class StripeObjects
{
    /// <summary>A PaymentIntent as one of our four outcomes.</summary>
    public static PaymentResult ToPaymentResult(JsonElement intent)
    {
        var id = String(intent, "id") ?? throw new PaymentGatewayException("Stripe returned a PaymentIntent without an id.", "invalid_response");
        var amount = Long(intent, "amount");
        var method = MethodSummary(intent.TryGetProperty("payment_method", out var pm) ? pm : default);
        switch (String(intent, "status"))
        {
            case "succeeded":
                return new PaymentSucceeded(id, amount, method);
            case "processing":
            case "requires_capture":
                return new PaymentProcessing(id, amount, method);
            case "requires_action":
                var action = intent.TryGetProperty("next_action", out var next) && next.ValueKind == JsonValueKind.Object ? next : default;
                var type = action.ValueKind == JsonValueKind.Object ? String(action, "type") ?? "use_stripe_sdk" : "use_stripe_sdk";
                return new PaymentRequiresAction(id, amount, String(intent, "client_secret") ?? "", type, RedirectUrl(action, type));
            case "canceled":
                return new PaymentFailed(id, amount, "canceled", "This payment was canceled. You have not been charged.");
            default:
                // requires_payment_method after a failed try (the reason is in last_payment_error), or an
                // intent that was never confirmed: either way no money moved.
                var error = intent.TryGetProperty("last_payment_error", out var last) && last.ValueKind == JsonValueKind.Object ? last : default;
                var (reason, message) = error.ValueKind == JsonValueKind.Object
                    ? StripeErrorMessages.Describe(String(error, "code"), String(error, "decline_code"))
                    : ("incomplete", "This payment was not completed. You have not been charged.");
                return new PaymentFailed(id, amount, reason, message);
        }
    }

    /// <summary>A PaymentMethod object (or an expanded <c>payment_method</c> field); null when it is only an id.</summary>
    public static PaymentMethodSummary? MethodSummary(JsonElement method)
    {
        if (method.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (method.TryGetProperty("card", out var card) && card.ValueKind == JsonValueKind.Object)
        {
            return new PaymentMethodSummary(PaymentMethodKind.Card, String(card, "brand") ?? "card", String(card, "last4") ?? "", (int)Long(card, "exp_month"), (int)Long(card, "exp_year"));
        }

        if (method.TryGetProperty("us_bank_account", out var bank) && bank.ValueKind == JsonValueKind.Object)
        {
            return new PaymentMethodSummary(PaymentMethodKind.BankAccount, String(bank, "bank_name") ?? "Bank account", String(bank, "last4") ?? "");
        }

        return null;
    }

    public static SetupResult ToSetupResult(JsonElement setup)
    {
        var methodId = setup.TryGetProperty("payment_method", out var pm) ? pm.ValueKind switch
        {
            JsonValueKind.String => pm.GetString(),
            JsonValueKind.Object => String(pm, "id"),
            _ => null,
        } : null;
        var error = setup.TryGetProperty("last_setup_error", out var last) && last.ValueKind == JsonValueKind.Object
            ? StripeErrorMessages.Describe(String(last, "code"), String(last, "decline_code")).CustomerMessage
            : null;
        return new SetupResult(String(setup, "id") ?? "", String(setup, "status") ?? "", String(setup, "client_secret"), methodId, error);
    }

    public static RefundResult ToRefundResult(JsonElement refund)
    {
        var paymentId = refund.TryGetProperty("payment_intent", out var pi) && pi.ValueKind == JsonValueKind.String ? pi.GetString() ?? "" : "";
        return new RefundResult(String(refund, "id") ?? "", paymentId, Long(refund, "amount"), String(refund, "status") ?? "pending", String(refund, "failure_reason"));
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    private static string? RedirectUrl(JsonElement action, string type)
    {
        if (action.ValueKind != JsonValueKind.Object || !action.TryGetProperty(type, out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return String(detail, "url") ?? String(detail, "hosted_verification_url");
    }
}
