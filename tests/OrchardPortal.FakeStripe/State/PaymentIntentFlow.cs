using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// Confirming a PaymentIntent and what follows: charges, declines, 3-D Secure, ACH processing
/// and settlement. Every method runs under the account's lock.
/// </summary>
public static class PaymentIntentFlow
{
    /// <summary>How long an ACH debit takes to settle on the fake clock (Stripe: about 4 business days).</summary>
    public static readonly TimeSpan AchSettlement = TimeSpan.FromDays(4);

    public static void Confirm(Account account, OperationContext context, PaymentIntentRecord intent, bool offSession)
    {
        if (intent.PaymentMethodId is null || !account.PaymentMethods.TryGet(intent.PaymentMethodId, out var method))
        {
            throw new StripeException(400, "invalid_request_error", "payment_intent_unexpected_state",
                "You cannot confirm this PaymentIntent because it's missing a payment method. " +
                "To confirm the PaymentIntent with a payment method, pass payment_method.", "payment_method");
        }

        if (method.CustomerId is not null && method.CustomerId != intent.CustomerId)
        {
            throw new StripeException(400, "invalid_request_error", null,
                $"The provided PaymentMethod belongs to customer {method.CustomerId}, not to this PaymentIntent's customer.", "payment_method");
        }

        if (method.Type == "us_bank_account" && !method.Verified)
        {
            intent.Status = "requires_action";
            intent.NextAction = Microdeposits.NextAction(context, intent.Id);
            EventLog.Raise(account, context, "payment_intent.requires_action", intent.ToJson());
            return;
        }

        switch (method.Method.Behavior)
        {
            case ChargeBehavior.Succeeds:
                Charge(account, context, intent, method, "succeeded");
                break;
            case ChargeBehavior.AchSettles or ChargeBehavior.AchFailsAtSettlement:
                Charge(account, context, intent, method, "pending");
                break;
            case ChargeBehavior.RequiresAuthentication when !offSession:
                intent.Status = "requires_action";
                intent.NextAction = new JsonObject
                {
                    ["type"] = "use_stripe_sdk",
                    ["use_stripe_sdk"] = new JsonObject { ["type"] = "three_d_secure_redirect", ["source"] = StripeIds.New("src") },
                };
                EventLog.Raise(account, context, "payment_intent.requires_action", intent.ToJson());
                break;
            case ChargeBehavior.RequiresAuthentication:
                Decline(account, context, intent, method, "authentication_required", "authentication_required",
                    "Your card was declined. This transaction requires authentication.");
                break;
            default:
                Decline(account, context, intent, method, method.Method.ErrorCode!, method.Method.DeclineCode,
                    method.Method.Message!);
                break;
        }
    }

    /// <summary>The customer finished (or abandoned) 3-D Secure or micro-deposit verification in the browser.</summary>
    public static void CompleteAction(Account account, OperationContext context, PaymentIntentRecord intent, bool succeed)
    {
        if (intent.Status != "requires_action")
        {
            throw StripeException.UnexpectedState("payment_intent_unexpected_state",
                $"This PaymentIntent's status is {intent.Status}; it is not waiting for customer action.");
        }

        intent.NextAction = null;
        var method = account.PaymentMethods.TryGet(intent.PaymentMethodId!, out var m) ? m : null;
        if (succeed && method is not null)
        {
            method.Verified = true;
            Charge(account, context, intent, method, method.Type == "us_bank_account" ? "pending" : "succeeded");
            return;
        }

        intent.Status = "requires_payment_method";
        intent.PaymentMethodId = null;
        intent.LastPaymentError = new JsonObject
        {
            ["code"] = "payment_intent_authentication_failure",
            ["message"] = "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
            ["payment_method"] = method?.ToJson(),
            ["type"] = "invalid_request_error",
        };
        EventLog.Raise(account, context, "payment_intent.payment_failed", intent.ToJson());
    }

    /// <summary>A pending ACH debit clears (or bounces, for the test accounts that fail at settlement).</summary>
    public static void Settle(Account account, OperationContext context, ChargeRecord charge, string? forceFailureCode = null)
    {
        if (charge.Status != "pending" || !account.PaymentIntents.TryGet(charge.PaymentIntentId, out var intent))
        {
            return;
        }

        account.PaymentMethods.TryGet(charge.PaymentMethodId, out var method);
        var fails = forceFailureCode is not null || method?.Method.Behavior == ChargeBehavior.AchFailsAtSettlement;
        if (!fails)
        {
            charge.Status = "succeeded";
            intent.Status = "succeeded";
            intent.AmountReceived = intent.Amount;
            EventLog.Raise(account, context, "charge.succeeded", charge.ToJson());
            EventLog.Raise(account, context, "payment_intent.succeeded", intent.ToJson());
            return;
        }

        charge.Status = "failed";
        charge.FailureCode = forceFailureCode ?? method!.Method.ErrorCode;
        charge.FailureMessage = forceFailureCode is null ? method!.Method.Message : "The payment failed at the customer's bank.";
        intent.Status = "requires_payment_method";
        intent.PaymentMethodId = null;
        intent.LastPaymentError = new JsonObject
        {
            ["charge"] = charge.Id,
            ["code"] = charge.FailureCode,
            ["message"] = charge.FailureMessage,
            ["payment_method"] = method?.ToJson(),
            ["type"] = "invalid_request_error",
        };
        EventLog.Raise(account, context, "charge.failed", charge.ToJson());
        EventLog.Raise(account, context, "payment_intent.payment_failed", intent.ToJson());
    }

    private static void Charge(Account account, OperationContext context, PaymentIntentRecord intent, PaymentMethodRecord method, string status)
    {
        var charge = NewCharge(context, intent, method, status);
        if (status == "pending")
        {
            charge.SettlesAt = context.Clock.UtcNow + AchSettlement;
        }

        account.Charges.Add(charge);
        intent.LatestChargeId = charge.Id;
        intent.LastPaymentError = null;
        intent.NextAction = null;
        intent.Status = status == "succeeded" ? "succeeded" : "processing";
        intent.AmountReceived = status == "succeeded" ? intent.Amount : 0;
        if (intent.CustomerId is not null && intent.SetupFutureUsage is not null)
        {
            PaymentMethodResolver.Attach(account, context, method, intent.CustomerId);
        }
        else if (method.CustomerId is null)
        {
            method.Consumed = true;
        }

        if (status == "succeeded")
        {
            EventLog.Raise(account, context, "charge.succeeded", charge.ToJson());
            EventLog.Raise(account, context, "payment_intent.succeeded", intent.ToJson());
        }
        else
        {
            EventLog.Raise(account, context, "charge.pending", charge.ToJson());
            EventLog.Raise(account, context, "payment_intent.processing", intent.ToJson());
        }
    }

    private static void Decline(Account account, OperationContext context, PaymentIntentRecord intent, PaymentMethodRecord method,
        string code, string? declineCode, string message)
    {
        var charge = NewCharge(context, intent, method, "failed");
        charge.FailureCode = code;
        charge.FailureMessage = message;
        charge.DeclineCode = declineCode;
        account.Charges.Add(charge);

        var error = new JsonObject
        {
            ["charge"] = charge.Id,
            ["code"] = code,
            ["decline_code"] = declineCode,
            ["doc_url"] = "https://stripe.com/docs/error-codes/" + code.Replace('_', '-'),
            ["message"] = message,
            ["payment_method"] = method.ToJson(),
            ["type"] = "card_error",
        };
        intent.LatestChargeId = charge.Id;
        intent.Status = "requires_payment_method";
        intent.PaymentMethodId = null;
        intent.LastPaymentError = error;
        EventLog.Raise(account, context, "charge.failed", charge.ToJson());
        EventLog.Raise(account, context, "payment_intent.payment_failed", intent.ToJson());

        throw new StripeException(402, "card_error", code, message)
        {
            DeclineCode = declineCode,
            Extra = new JsonObject
            {
                ["charge"] = charge.Id,
                ["payment_intent"] = intent.ToJson(),
                ["payment_method"] = method.ToJson(),
                ["request_log_url"] = "https://dashboard.stripe.com/test/logs/" + context.RequestId,
            },
        };
    }

    private static ChargeRecord NewCharge(OperationContext context, PaymentIntentRecord intent, PaymentMethodRecord method, string status)
    {
        var charge = new ChargeRecord
        {
            Id = StripeIds.New("ch"),
            Created = context.Now,
            Amount = intent.Amount,
            Currency = intent.Currency,
            PaymentIntentId = intent.Id,
            PaymentMethodId = method.Id,
            PaymentMethodDetails = method.ChargeDetails(),
            CustomerId = intent.CustomerId,
            Description = intent.Description,
            Status = status,
        };
        foreach (var (key, value) in intent.Metadata)
        {
            charge.Metadata[key] = value;
        }

        return charge;
    }
}
