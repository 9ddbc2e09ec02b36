using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/customers: create, retrieve, update, delete, list, and a customer's payment methods.</summary>
public static class CustomersApi
{
    private static readonly string[] Fields = ["email", "name", "phone", "description", "metadata", "payment_method", "invoice_settings"];

    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        var account = request.Account;
        return (request.Method, s.Length) switch
        {
            ("POST", 1) => Create(request),
            ("GET", 1) => List(request),
            ("GET", 2) => ApiResult.Ok(Find(account, s[1], includeDeleted: true).ToJson()),
            ("POST", 2) => Update(request, Find(account, s[1], includeDeleted: false)),
            ("DELETE", 2) => Delete(request, Find(account, s[1], includeDeleted: false)),
            ("GET", 3) when s[2] == "payment_methods" => PaymentMethodsApi.ListFor(request, Find(account, s[1], includeDeleted: false).Id),
            _ => null,
        };
    }

    private static ApiResult Create(ApiRequest request)
    {
        var form = request.Form;
        form.AllowOnly(Fields);
        var customer = new CustomerRecord { Id = StripeIds.New("cus"), Created = request.Context.Now };
        Apply(form, customer);
        var method = form.Get("payment_method") is { Length: > 0 } pm ? PaymentMethodResolver.Resolve(request.Account, request.Context, pm) : null;
        request.Account.Customers.Add(customer);
        EventLog.Raise(request.Account, request.Context, "customer.created", customer.ToJson());
        if (method is not null)
        {
            PaymentMethodResolver.Attach(request.Account, request.Context, method, customer.Id);
        }

        SetDefault(request, customer);
        return ApiResult.Ok(customer.ToJson());
    }

    private static ApiResult Update(ApiRequest request, CustomerRecord customer)
    {
        request.Form.AllowOnly(Fields);
        var before = customer.DefaultPaymentMethod;
        Apply(request.Form, customer);
        SetDefault(request, customer);
        var previous = before == customer.DefaultPaymentMethod
            ? null
            : new JsonObject { ["invoice_settings"] = new JsonObject { ["default_payment_method"] = before } };
        EventLog.Raise(request.Account, request.Context, "customer.updated", customer.ToJson(), previous);
        return ApiResult.Ok(customer.ToJson());
    }

    private static ApiResult Delete(ApiRequest request, CustomerRecord customer)
    {
        var snapshot = customer.ToJson();
        customer.Deleted = true;
        foreach (var method in request.Account.PaymentMethods.InCreationOrder.Where(m => m.CustomerId == customer.Id))
        {
            method.CustomerId = null;
            method.Consumed = true;
        }

        EventLog.Raise(request.Account, request.Context, "customer.deleted", snapshot);
        return ApiResult.Ok(customer.ToJson());
    }

    private static ApiResult List(ApiRequest request)
    {
        var email = request.Form.Get("email");
        var (items, more) = request.Account.Customers.Page(
            c => !c.Deleted && (email is null || string.Equals(c.Email, email, StringComparison.Ordinal)),
            request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List("/v1/customers", items.Select(c => c.ToJson()), more));
    }

    private static void Apply(FormParams form, CustomerRecord customer)
    {
        customer.Email = form.Get("email") ?? customer.Email;
        customer.Name = form.Get("name") ?? customer.Name;
        customer.Phone = form.Get("phone") ?? customer.Phone;
        customer.Description = form.Get("description") ?? customer.Description;
        JsonShapes.Merge(customer.Metadata, form.GetMap("metadata"));
    }

    /// <summary>invoice_settings[default_payment_method] must name a method attached to this customer.</summary>
    private static void SetDefault(ApiRequest request, CustomerRecord customer)
    {
        var id = request.Form.Get("invoice_settings", "default_payment_method");
        if (id is null)
        {
            return;
        }

        if (id.Length == 0)
        {
            customer.DefaultPaymentMethod = null;
            return;
        }

        if (!request.Account.PaymentMethods.TryGet(id, out var method) || method.CustomerId != customer.Id)
        {
            throw new StripeException(400, "invalid_request_error", "resource_missing",
                $"No such PaymentMethod: '{id}'; it must be attached to the customer before it can be the default.",
                "invoice_settings[default_payment_method]");
        }

        customer.DefaultPaymentMethod = id;
    }

    public static CustomerRecord Find(Account account, string id, bool includeDeleted)
    {
        if (!account.Customers.TryGet(id, out var customer) || (customer.Deleted && !includeDeleted))
        {
            throw StripeException.NoSuch("customer", id);
        }

        return customer;
    }
}
