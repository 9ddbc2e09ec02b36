using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/payment_intents: create, retrieve, update, list; the actions are in <see cref="PaymentIntentActions"/>.</summary>
public static class PaymentIntentsApi
{
    private static readonly string[] CreateFields =
    [
        "amount", "currency", "customer", "payment_method", "payment_method_types", "confirm", "off_session", "setup_future_usage",
        "metadata", "description", "receipt_email", "payment_method_options", "payment_method_data", "return_url", "mandate_data",
        "capture_method", "statement_descriptor", "statement_descriptor_suffix", "automatic_payment_methods", "error_on_requires_action",
    ];

    private static readonly string[] UpdateFields =
    [
        "amount", "currency", "customer", "payment_method", "payment_method_types", "setup_future_usage", "metadata", "description",
        "receipt_email", "payment_method_options", "payment_method_data", "statement_descriptor", "statement_descriptor_suffix",
    ];

    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        return (request.Method, s.Length) switch
        {
            ("POST", 1) => Create(request),
            ("GET", 1) => List(request),
            ("GET", 2) when s[1] == "search" => Search(request),
            ("GET", 2) => ApiResult.Ok(Find(request.Account, s[1]).ToJson()),
            ("POST", 2) => Update(request, Find(request.Account, s[1])),
            ("POST", 3) => PaymentIntentActions.Handle(request, Find(request.Account, s[1]), s[2]),
            _ => null,
        };
    }

    public static PaymentIntentRecord Find(Account account, string id) =>
        account.PaymentIntents.TryGet(id, out var intent) ? intent : throw StripeException.NoSuch("payment_intent", id, "intent");

    private static ApiResult Create(ApiRequest request)
    {
        var form = request.Form;
        form.AllowOnly(CreateFields);
        var currency = Money.Currency(form);
        var amount = Money.Amount(form.RequireLong("amount"), currency);
        var confirm = form.OptionalBool("confirm");
        var offSession = form.OptionalBool("off_session");
        if (offSession && !confirm)
        {
            throw StripeException.Invalid("off_session", "off_session can only be used when confirm is true.");
        }

        if (form.Get("capture_method") is { } capture && capture != "automatic" && capture != "automatic_async")
        {
            throw StripeException.Invalid("capture_method", "This fake supports only automatic capture.");
        }

        var id = StripeIds.New("pi");
        var intent = new PaymentIntentRecord
        {
            Id = id,
            Created = request.Context.Now,
            Amount = amount,
            Currency = currency,
            ClientSecret = id + "_secret_" + StripeIds.New("s")[2..],
            Description = form.Get("description"),
            ReceiptEmail = form.Get("receipt_email"),
            SetupFutureUsage = form.OptionalEnum("setup_future_usage", "on_session", "off_session"),
        };
        var types = form.GetList("payment_method_types");
        intent.AutomaticPaymentMethods = types.Count == 0;
        intent.PaymentMethodTypes = types.Count == 0 ? ["card", "us_bank_account"] : types.ToList();
        JsonShapes.Merge(intent.Metadata, form.GetMap("metadata"));
        if (form.Get("customer") is { Length: > 0 } customer)
        {
            intent.CustomerId = PaymentMethodResolver.Customer(request.Account, customer).Id;
        }

        PaymentIntentActions.ApplyPaymentMethod(request, intent);
        request.Account.PaymentIntents.Add(intent);
        EventLog.Raise(request.Account, request.Context, "payment_intent.created", intent.ToJson());
        if (confirm)
        {
            PaymentIntentFlow.Confirm(request.Account, request.Context, intent, offSession);
        }

        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult Update(ApiRequest request, PaymentIntentRecord intent)
    {
        var form = request.Form;
        form.AllowOnly(UpdateFields);
        if (intent.Status is not ("requires_payment_method" or "requires_confirmation" or "requires_action"))
        {
            throw StripeException.UnexpectedState("payment_intent_unexpected_state",
                $"This PaymentIntent's amount could not be updated because it has a status of {intent.Status}. " +
                "You may only update the amount of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.");
        }

        if (form.Get("currency") is { } currency && currency != intent.Currency)
        {
            throw StripeException.Invalid("currency", $"The currency of a PaymentIntent cannot be changed from {intent.Currency} to {currency} here.");
        }

        if (form.OptionalLong("amount") is { } amount)
        {
            intent.Amount = Money.Amount(amount, intent.Currency);
        }

        if (form.Get("customer") is { Length: > 0 } customer)
        {
            intent.CustomerId = PaymentMethodResolver.Customer(request.Account, customer).Id;
        }

        if (form.GetList("payment_method_types") is { Count: > 0 } types)
        {
            intent.PaymentMethodTypes = types.ToList();
            intent.AutomaticPaymentMethods = false;
        }

        intent.Description = form.Get("description") ?? intent.Description;
        intent.ReceiptEmail = form.Get("receipt_email") ?? intent.ReceiptEmail;
        intent.SetupFutureUsage = form.OptionalEnum("setup_future_usage", "on_session", "off_session") ?? intent.SetupFutureUsage;
        JsonShapes.Merge(intent.Metadata, form.GetMap("metadata"));
        PaymentIntentActions.ApplyPaymentMethod(request, intent);
        return ApiResult.Ok(intent.ToJson());
    }

    private static ApiResult List(ApiRequest request)
    {
        var customer = request.Form.Get("customer");
        var (items, more) = request.Account.PaymentIntents.Page(
            p => customer is null || p.CustomerId == customer, request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List("/v1/payment_intents", items.Select(p => p.ToJson()), more));
    }

    /// <summary>GET /v1/payment_intents/search?query=… (see <see cref="SearchQuery"/>); newest first, one page.</summary>
    private static ApiResult Search(ApiRequest request)
    {
        var matches = SearchQuery.PaymentIntents(request.Form.RequireString("query"));
        var limit = request.Form.Limit();
        var found = request.Account.PaymentIntents.InCreationOrder.Reverse().Where(matches).Take(limit + 1).ToList();
        return ApiResult.Ok(new System.Text.Json.Nodes.JsonObject
        {
            ["object"] = "search_result",
            ["data"] = new System.Text.Json.Nodes.JsonArray(found.Take(limit).Select(p => (System.Text.Json.Nodes.JsonNode?)p.ToJson()).ToArray()),
            ["has_more"] = found.Count > limit,
            ["next_page"] = null,
            ["url"] = "/v1/payment_intents/search",
        });
    }
}
