using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.State;

/// <summary>Confirming a SetupIntent: saving a payment method for later (off-session) charges.</summary>
public static class SetupIntentFlow
{
    public static void Confirm(Account account, OperationContext context, SetupIntentRecord intent)
    {
        if (intent.PaymentMethodId is null || !account.PaymentMethods.TryGet(intent.PaymentMethodId, out var method))
        {
            throw new StripeException(400, "invalid_request_error", "setup_intent_unexpected_state",
                "You cannot confirm this SetupIntent because it's missing a payment method. Pass payment_method.", "payment_method");
        }

        if (method.CustomerId is not null && intent.CustomerId is not null && method.CustomerId != intent.CustomerId)
        {
            throw new StripeException(400, "invalid_request_error", null,
                $"The provided PaymentMethod belongs to customer {method.CustomerId}, not to this SetupIntent's customer.", "payment_method");
        }

        intent.LatestAttempt = StripeIds.New("setatt");
        if (method.Type == "us_bank_account" && !method.Verified)
        {
            intent.Status = "requires_action";
            intent.NextAction = Microdeposits.NextAction(context, intent.Id);
            EventLog.Raise(account, context, "setup_intent.requires_action", intent.ToJson());
            return;
        }

        switch (method.Method.Behavior)
        {
            case ChargeBehavior.RequiresAuthentication:
                intent.Status = "requires_action";
                intent.NextAction = new JsonObject
                {
                    ["type"] = "use_stripe_sdk",
                    ["use_stripe_sdk"] = new JsonObject { ["type"] = "three_d_secure_redirect", ["source"] = StripeIds.New("src") },
                };
                EventLog.Raise(account, context, "setup_intent.requires_action", intent.ToJson());
                break;
            case ChargeBehavior.Declines:
                Fail(account, context, intent, method);
                break;
            default:
                Succeed(account, context, intent, method);
                break;
        }
    }

    /// <summary>The customer finished (or abandoned) 3-D Secure or micro-deposit verification.</summary>
    public static void CompleteAction(Account account, OperationContext context, SetupIntentRecord intent, bool succeed)
    {
        if (intent.Status != "requires_action")
        {
            throw StripeException.UnexpectedState("setup_intent_unexpected_state",
                $"This SetupIntent's status is {intent.Status}; it is not waiting for customer action.");
        }

        intent.NextAction = null;
        var method = account.PaymentMethods.TryGet(intent.PaymentMethodId!, out var m) ? m : null;
        if (succeed && method is not null)
        {
            method.Verified = true;
            Succeed(account, context, intent, method);
            return;
        }

        intent.Status = "requires_payment_method";
        intent.PaymentMethodId = null;
        intent.LastSetupError = new JsonObject
        {
            ["code"] = "setup_intent_authentication_failure",
            ["message"] = "The latest attempt to set up the payment method has failed because authentication failed.",
            ["payment_method"] = method?.ToJson(),
            ["type"] = "invalid_request_error",
        };
        EventLog.Raise(account, context, "setup_intent.setup_failed", intent.ToJson());
    }

    private static void Succeed(Account account, OperationContext context, SetupIntentRecord intent, PaymentMethodRecord method)
    {
        intent.Status = "succeeded";
        intent.LastSetupError = null;
        intent.NextAction = null;
        if (method.Type == "us_bank_account")
        {
            intent.Mandate = StripeIds.New("mandate");
        }

        if (intent.CustomerId is not null)
        {
            PaymentMethodResolver.Attach(account, context, method, intent.CustomerId);
        }

        EventLog.Raise(account, context, "setup_intent.succeeded", intent.ToJson());
    }

    private static void Fail(Account account, OperationContext context, SetupIntentRecord intent, PaymentMethodRecord method)
    {
        var test = method.Method;
        intent.Status = "requires_payment_method";
        intent.PaymentMethodId = null;
        intent.LastSetupError = new JsonObject
        {
            ["code"] = test.ErrorCode,
            ["decline_code"] = test.DeclineCode,
            ["doc_url"] = "https://stripe.com/docs/error-codes/" + test.ErrorCode!.Replace('_', '-'),
            ["message"] = test.Message,
            ["payment_method"] = method.ToJson(),
            ["type"] = "card_error",
        };
        EventLog.Raise(account, context, "setup_intent.setup_failed", intent.ToJson());
        throw new StripeException(402, "card_error", test.ErrorCode, test.Message!)
        {
            DeclineCode = test.DeclineCode,
            Extra = new JsonObject { ["payment_method"] = method.ToJson(), ["setup_intent"] = intent.ToJson() },
        };
    }
}
