using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/payment_methods: create (bank accounts), retrieve, update, attach, detach, list.</summary>
public static class PaymentMethodsApi
{
    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        return (request.Method, s.Length) switch
        {
            ("POST", 1) => Create(request),
            ("GET", 1) => List(request),
            ("GET", 2) => ApiResult.Ok(Find(request, s[1]).ToJson()),
            ("POST", 2) => Update(request, Find(request, s[1])),
            ("POST", 3) when s[2] == "attach" => Attach(request, s[1]),
            ("POST", 3) when s[2] == "detach" => Detach(request, Find(request, s[1])),
            _ => null,
        };
    }

    public static ApiResult ListFor(ApiRequest request, string customerId)
    {
        var type = request.Form.Get("type");
        var (items, more) = request.Account.PaymentMethods.Page(
            m => m.CustomerId == customerId && (type is null || m.Type == type), request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List(request.Url, items.Select(m => m.ToJson()), more));
    }

    /// <summary>
    /// Creates a bank account from its numbers (Stripe's test routing number 110000000; the
    /// account number picks the behaviour, see <see cref="TestPaymentMethods.ForAccountNumber"/>).
    /// Such an account is unverified until micro-deposits are verified. Cards cannot be created
    /// from raw numbers here, as in Stripe without special permission: use the test ids.
    /// </summary>
    public static PaymentMethodRecord CreateFromData(ApiRequest request, string? prefix)
    {
        var form = request.Form;
        string? Get(params string[] path) => form.Get(prefix is null ? path : [prefix, .. path]);
        string Name(string path)
        {
            var bracket = path.IndexOf('[', StringComparison.Ordinal);
            return prefix is null ? path : bracket < 0 ? $"{prefix}[{path}]" : $"{prefix}[{path[..bracket]}]{path[bracket..]}";
        }

        var type = Get("type") ?? throw StripeException.Missing(Name("type"));
        if (type != "us_bank_account")
        {
            throw StripeException.Invalid(Name("type"),
                $"This fake creates only us_bank_account payment methods from raw details; use a test id such as pm_card_visa for {type}.");
        }

        var routing = Get("us_bank_account", "routing_number") ?? throw StripeException.Missing(Name("us_bank_account[routing_number]"));
        var number = Get("us_bank_account", "account_number") ?? throw StripeException.Missing(Name("us_bank_account[account_number]"));
        var name = Get("billing_details", "name") ?? throw StripeException.Missing(Name("billing_details[name]"));
        if (routing.Length != 9 || !routing.All(char.IsAsciiDigit))
        {
            throw StripeException.Invalid(Name("us_bank_account[routing_number]"), "Routing number must have 9 digits.");
        }

        var method = PaymentMethodResolver.Create(request.Account, request.Context, TestPaymentMethods.ForAccountNumber(number), verified: false);
        method.BillingName = name;
        method.BillingEmail = Get("billing_details", "email");
        return method;
    }

    private static ApiResult Create(ApiRequest request)
    {
        request.Form.AllowOnly("type", "us_bank_account", "billing_details", "metadata", "card");
        var method = CreateFromData(request, null);
        JsonShapes.Merge(method.Metadata, request.Form.GetMap("metadata"));
        return ApiResult.Ok(method.ToJson());
    }

    private static ApiResult Update(ApiRequest request, PaymentMethodRecord method)
    {
        request.Form.AllowOnly("metadata", "billing_details");
        JsonShapes.Merge(method.Metadata, request.Form.GetMap("metadata"));
        method.BillingName = request.Form.Get("billing_details", "name") ?? method.BillingName;
        method.BillingEmail = request.Form.Get("billing_details", "email") ?? method.BillingEmail;
        EventLog.Raise(request.Account, request.Context, "payment_method.updated", method.ToJson());
        return ApiResult.Ok(method.ToJson());
    }

    private static ApiResult Attach(ApiRequest request, string id)
    {
        request.Form.AllowOnly("customer");
        var customer = PaymentMethodResolver.Customer(request.Account, request.Form.RequireString("customer"));
        var method = PaymentMethodResolver.Resolve(request.Account, request.Context, id, "payment_method");
        PaymentMethodResolver.Attach(request.Account, request.Context, method, customer.Id);
        return ApiResult.Ok(method.ToJson());
    }

    private static ApiResult Detach(ApiRequest request, PaymentMethodRecord method)
    {
        if (method.CustomerId is null)
        {
            throw new StripeException(400, "invalid_request_error", null, "The payment method you provided is not attached to a customer so detachment is impossible.");
        }

        var customerId = method.CustomerId;
        method.CustomerId = null;
        method.Consumed = true;
        if (request.Account.Customers.TryGet(customerId, out var customer) && customer.DefaultPaymentMethod == method.Id)
        {
            customer.DefaultPaymentMethod = null;
        }

        EventLog.Raise(request.Account, request.Context, "payment_method.detached", method.ToJson(),
            new System.Text.Json.Nodes.JsonObject { ["customer"] = customerId });
        return ApiResult.Ok(method.ToJson());
    }

    private static ApiResult List(ApiRequest request)
    {
        var customer = request.Form.Get("customer");
        if (customer is null)
        {
            throw StripeException.Missing("customer");
        }

        PaymentMethodResolver.Customer(request.Account, customer);
        return ListFor(request, customer);
    }

    private static PaymentMethodRecord Find(ApiRequest request, string id)
    {
        if (TestPaymentMethods.TryGet(id, out var test))
        {
            // Retrieving a test id shows what using it would create.
            return new PaymentMethodRecord { Id = id, Created = request.Context.Now, Method = test, ExpYear = request.Context.Clock.UtcNow.Year + 3 };
        }

        return request.Account.PaymentMethods.TryGet(id, out var method) ? method : throw StripeException.NoSuch("PaymentMethod", id);
    }
}
