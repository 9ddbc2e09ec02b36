using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/setup_intents: create, retrieve, list, confirm, cancel, verify_microdeposits.</summary>
public static class SetupIntentsApi
{
    private static readonly string[] CreateFields =
    [
        "customer", "payment_method", "payment_method_types", "confirm", "usage", "metadata", "description", "payment_method_options",
        "payment_method_data", "return_url", "mandate_data", "automatic_payment_methods",
    ];

    private static readonly string[] ConfirmFields =
        ["payment_method", "payment_method_options", "payment_method_data", "return_url", "mandate_data", "client_secret", "use_stripe_sdk"];

    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        return (request.Method, s.Length, s.Length == 3 ? s[2] : null) switch
        {
            ("POST", 1, _) => Create(request),
            ("GET", 1, _) => List(request),
            ("GET", 2, _) => ApiResult.Ok(Find(request.Account, s[1]).ToJson()),
            ("POST", 3, "confirm") => Confirm(request, Find(request.Account, s[1])),
            ("POST", 3, "cancel") => Cancel(request, Find(request.Account, s[1])),
            ("POST", 3, "verify_microdeposits") => Verify(request, Find(request.Account, s[1])),
            _ => null,
        };
    }

    public static SetupIntentRecord Find(Account account, string id) =>
        account.SetupIntents.TryGet(id, out var intent) ? intent : throw StripeException.NoSuch("setup_intent", id, "intent");

    private static ApiResult Create(ApiRequest request)
    {
        var form = request.Form;
        form.AllowOnly(CreateFields);
        var id = StripeIds.New("seti");
        var intent = new SetupIntentRecord
        {
            Id = id,
            Created = request.Context.Now,
            ClientSecret = id + "_secret_" + StripeIds.New("s")[2..],
            Description = form.Get("description"),
            Usage = form.OptionalEnum("usage", "on_session", "off_session") ?? "off_session",
        };
        var types = form.GetList("payment_method_types");
        intent.PaymentMethodTypes = types.Count == 0 ? ["card", "us_bank_account"] : types.ToList();
        JsonShapes.Merge(intent.Metadata, form.GetMap("metadata"));
        if (form.Get("customer") is { Length: > 0 } customer)
        {
            intent.CustomerId = PaymentMethodResolver.Customer(request.Account, customer).Id;
        }

        ApplyPaymentMethod(request, intent);
        request.Account.SetupIntents.Add(intent);
        EventLog.Raise(request.Account, request.Context, "setup_intent.created", intent.ToJson());
        if (form.OptionalBool("confirm"))
        {
            SetupIntentFlow.Confirm(request.Account, request.Context, intent);
        }

        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Confirm(ApiRequest request, SetupIntentRecord intent)
    {
        request.Form.AllowOnly(ConfirmFields);
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action"))
        {
            throw StripeException.UnexpectedState("setup_intent_unexpected_state",
                $"You cannot confirm this SetupIntent because it has a status of {intent.Status}.");
        }

        ApplyPaymentMethod(request, intent);
        SetupIntentFlow.Confirm(request.Account, request.Context, intent);
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Cancel(ApiRequest request, SetupIntentRecord intent)
    {
        request.Form.AllowOnly("cancellation_reason");
        if (intent.Status is "succeeded" or "canceled")
        {
            throw StripeException.UnexpectedState("setup_intent_unexpected_state",
                $"You cannot cancel this SetupIntent because it has a status of {intent.Status}.");
        }

        intent.Status = "canceled";
        intent.NextAction = null;
        intent.CancellationReason = request.Form.OptionalEnum("cancellation_reason", "abandoned", "duplicate", "requested_by_customer");
        EventLog.Raise(request.Account, request.Context, "setup_intent.canceled", intent.ToJson());
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Verify(ApiRequest request, SetupIntentRecord intent)
    {
        request.Form.AllowOnly("amounts", "descriptor_code", "client_secret");
        if (intent.Status != "requires_action" || intent.NextAction?["type"]?.GetValue<string>() != "verify_with_microdeposits")
        {
            throw StripeException.UnexpectedState("setup_intent_unexpected_state",
                $"This SetupIntent's status is {intent.Status}; it is not waiting for micro-deposit verification.");
        }

        Microdeposits.Check(request.Form, () => intent.MicrodepositAttemptsLeft, left =>
        {
            intent.MicrodepositAttemptsLeft = left;
            if (left == 0)
            {
                intent.Status = "requires_payment_method";
                intent.NextAction = null;
                intent.PaymentMethodId = null;
                intent.LastSetupError = new JsonObject
                {
                    ["code"] = "payment_method_microdeposit_verification_attempts_exceeded",
                    ["message"] = "You have exceeded the number of allowed verification attempts.",
                    ["type"] = "invalid_request_error",
                };
                EventLog.Raise(request.Account, request.Context, "setup_intent.setup_failed", intent.ToJson());
            }
        });
        SetupIntentFlow.CompleteAction(request.Account, request.Context, intent, succeed: true);
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult List(ApiRequest request)
    {
        var customer = request.Form.Get("customer");
        var (items, more) = request.Account.SetupIntents.Page(
            i => customer is null || i.CustomerId == customer, request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List("/v1/setup_intents", items.Select(i => i.ToJson()), more));
    }

    private static void ApplyPaymentMethod(ApiRequest request, SetupIntentRecord intent)
    {
        var form = request.Form;
        intent.VerificationMethod = PaymentIntentActions.VerificationMethod(form) ?? intent.VerificationMethod;
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
            throw new StripeException(400, "invalid_request_error", "setup_intent_invalid_parameter",
                $"The PaymentMethod provided ({method.Type}) is not allowed for this SetupIntent.", "payment_method");
        }

        intent.PaymentMethodId = method.Id;
        if (intent.Status == "requires_payment_method")
        {
            intent.Status = "requires_confirmation";
        }
    }
}
