using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/charges and /v1/events: objects the fake creates itself, read-only to clients.</summary>
public static class ReadOnlyApis
{
    public static ApiResult? Charges(ApiRequest request)
    {
        var s = request.Segments;
        var account = request.Account;
        if (request.IsGet && s.Length == 2)
        {
            return account.Charges.TryGet(s[1], out var charge) ? ApiResult.Ok(charge.ToJson()) : throw StripeException.NoSuch("charge", s[1]);
        }

        if (request.IsGet && s.Length == 1)
        {
            var intent = request.Form.Get("payment_intent");
            var customer = request.Form.Get("customer");
            var (items, more) = account.Charges.Page(
                c => (intent is null || c.PaymentIntentId == intent) && (customer is null || c.CustomerId == customer),
                request.Form.Limit(), request.Form.Get("starting_after"));
            return ApiResult.Ok(JsonShapes.List("/v1/charges", items.Select(c => c.ToJson()), more));
        }

        return null;
    }

    public static ApiResult? Events(ApiRequest request)
    {
        var s = request.Segments;
        var account = request.Account;
        if (request.IsGet && s.Length == 2)
        {
            return account.Events.TryGet(s[1], out var record) ? ApiResult.Bytes(record.Json) : throw StripeException.NoSuch("event", s[1]);
        }

        if (request.IsGet && s.Length == 1)
        {
            var type = request.Form.Get("type");
            var types = request.Form.GetList("types");
            var (items, more) = account.Events.Page(
                e => (type is null || Matches(type, e.Type)) && (types.Count == 0 || types.Contains(e.Type)),
                request.Form.Limit(), request.Form.Get("starting_after"));
            var json = JsonShapes.List("/v1/events", [], more);
            var data = json["data"]!.AsArray();
            foreach (var item in items)
            {
                data.Add(System.Text.Json.Nodes.JsonNode.Parse(item.Json));
            }

            return ApiResult.Ok(json);
        }

        return null;
    }

    /// <summary>Stripe's event type filter accepts a trailing wildcard: <c>payment_intent.*</c>.</summary>
    private static bool Matches(string filter, string type) =>
        filter.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(filter[..^1], StringComparison.Ordinal)
            : string.Equals(filter, type, StringComparison.Ordinal);
}
