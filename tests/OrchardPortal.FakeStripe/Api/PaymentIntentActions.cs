using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>POST /v1/payment_intents/{id}/confirm, /cancel and /verify_microdeposits.</summary>
public static class PaymentIntentActions
{
    private static readonly string[] ConfirmFields =
    [
        "payment_method", "off_session", "return_url", "setup_future_usage", "payment_method_options", "payment_method_data",
        "mandate_data", "receipt_email", "error_on_requires_action", "payment_method_types", "client_secret", "use_stripe_sdk",
    ];

    public static ApiResult? Handle(ApiRequest request, PaymentIntentRecord intent, string action) => action switch
    {
        "confirm" => Confirm(request, intent),
        "cancel" => Cancel(request, intent),
        "verify_microdeposits" => Verify(request, intent),
        _ => null,
    };

    /// <summary>
    /// Sets the intent's payment method from <c>payment_method</c> or <c>payment_method_data</c>.
    /// A bank test id used with verification_method=microdeposits stands for an account typed in
    /// by hand, so it starts unverified.
    /// </summary>
    public static void ApplyPaymentMethod(ApiRequest request, PaymentIntentRecord intent)
    {
        var form = request.Form;
        intent.VerificationMethod = VerificationMethod(form) ?? intent.VerificationMethod;
        PaymentMethodRecord? method = null;
        if (form.Has("payment_method_data"))
        {
            method = PaymentMethodsApi.CreateFromData(request, "payment_method_data");
        }
        else if (form.Get("payment_method") is { Length: > 0 } id)
        {
            method = PaymentMethodResolver.Resolve(request.Account, request.Context, id);
            if (TestPaymentMethods.TryGet(id, out _) && method.Type == "us_bank_account" && intent.VerificationMethod == "microdeposits")
            {
                method.Verified = false;
            }
        }

        if (method is null)
        {
            return;
        }

        if (!intent.PaymentMethodTypes.Contains(method.Type))
        {
            throw new StripeException(400, "invalid_request_error", "payment_intent_invalid_parameter",
                $"The PaymentMethod provided ({method.Type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the " +
                $"following types: {string.Join(", ", intent.PaymentMethodTypes)}. Alternatively, update the allowed payment_method_types for " +
                $"this PaymentIntent to include \"{method.Type}\".", "payment_method");
        }

        if (method.Type == "us_bank_account" && intent.Currency != "usd")
        {
            throw new StripeException(400, "invalid_request_error", "payment_intent_invalid_currency",
                $"The currency provided ({intent.Currency}) is invalid. Payments with us_bank_account support the following currencies: usd.",
                "currency");
        }

        intent.PaymentMethodId = method.Id;
        if (intent.Status == "requires_payment_method")
        {
            intent.Status = "requires_confirmation";
        }
    }

    public static string? VerificationMethod(FormParams form)
    {
        var value = form.Get("payment_method_options", "us_bank_account", "verification_method");
        return value is null or "automatic" or "instant" or "microdeposits"
            ? value
            : throw StripeException.Invalid("payment_method_options[us_bank_account][verification_method]",
                "Invalid verification_method: must be one of automatic, instant, microdeposits");
    }

    private static ApiResult Confirm(ApiRequest request, PaymentIntentRecord intent)
    {
        request.Form.AllowOnly(ConfirmFields);
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action"))
        {
            throw StripeException.UnexpectedState("payment_intent_unexpected_state", intent.Status == "succeeded"
                ? "You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."
                : $"You cannot confirm this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the " +
                  "following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action.");
        }

        intent.SetupFutureUsage = request.Form.OptionalEnum("setup_future_usage", "on_session", "off_session") ?? intent.SetupFutureUsage;
        intent.ReceiptEmail = request.Form.Get("receipt_email") ?? intent.ReceiptEmail;
        ApplyPaymentMethod(request, intent);
        intent.NextAction = null;
        PaymentIntentFlow.Confirm(request.Account, request.Context, intent, request.Form.OptionalBool("off_session"));
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Cancel(ApiRequest request, PaymentIntentRecord intent)
    {
        request.Form.AllowOnly("cancellation_reason");
        var reason = request.Form.OptionalEnum("cancellation_reason", "duplicate", "fraudulent", "requested_by_customer", "abandoned");
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action" or "requires_capture"))
        {
            throw StripeException.UnexpectedState("payment_intent_unexpected_state",
                $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the following " +
                "statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.");
        }

        intent.Status = "canceled";
        intent.CanceledAt = request.Context.Now;
        intent.CancellationReason = reason;
        intent.NextAction = null;
        EventLog.Raise(request.Account, request.Context, "payment_intent.canceled", intent.ToJson());
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Verify(ApiRequest request, PaymentIntentRecord intent)
    {
        request.Form.AllowOnly("amounts", "descriptor_code", "client_secret");
        if (intent.Status != "requires_action" || intent.NextAction?["type"]?.GetValue<string>() != "verify_with_microdeposits")
        {
            throw StripeException.UnexpectedState("payment_intent_unexpected_state",
                $"This PaymentIntent's status is {intent.Status}; it is not waiting for micro-deposit verification.");
        }

        Microdeposits.Check(request.Form, () => intent.MicrodepositAttemptsLeft, left =>
        {
            intent.MicrodepositAttemptsLeft = left;
            if (left == 0)
            {
                intent.Status = "requires_payment_method";
                intent.NextAction = null;
                intent.PaymentMethodId = null;
                intent.LastPaymentError = new JsonObject
                {
                    ["code"] = "payment_method_microdeposit_verification_attempts_exceeded",
                    ["message"] = "You have exceeded the number of allowed verification attempts.",
                    ["type"] = "invalid_request_error",
                };
                EventLog.Raise(request.Account, request.Context, "payment_intent.payment_failed", intent.ToJson());
            }
        });
        PaymentIntentFlow.CompleteAction(request.Account, request.Context, intent, succeed: true);
        return ApiResult.Ok(intent.ToJson());
    }
}
