using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/webhook_endpoints: create (the response carries the whsec_ secret), retrieve, update, delete, list.</summary>
public static class WebhookEndpointsApi
{
    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        return (request.Method, s.Length) switch
        {
            ("POST", 1) => Create(request),
            ("GET", 1) => List(request),
            ("GET", 2) => ApiResult.Ok(Find(request.Account, s[1]).ToJson(withSecret: false)),
            ("POST", 2) => Update(request, Find(request.Account, s[1])),
            ("DELETE", 2) => Delete(Find(request.Account, s[1])),
            _ => null,
        };
    }

    /// <summary>Registers an endpoint; used by the API and by the test control methods.</summary>
    public static WebhookEndpointRecord Register(Account account, OperationContext context, string url, IReadOnlyList<string> events, string? apiVersion = null)
    {
        var endpoint = new WebhookEndpointRecord
        {
            Id = StripeIds.New("we"),
            Created = context.Now,
            Secret = StripeIds.WebhookSecret(),
            Url = url,
            EnabledEvents = events.ToList(),
            ApiVersion = apiVersion,
        };
        account.WebhookEndpoints.Add(endpoint);
        return endpoint;
    }

    private static WebhookEndpointRecord Find(Account account, string id) =>
        account.WebhookEndpoints.TryGet(id, out var endpoint) && !endpoint.Deleted ? endpoint : throw StripeException.NoSuch("webhook_endpoint", id);

    private static ApiResult Create(ApiRequest request)
    {
        var form = request.Form;
        form.AllowOnly("url", "enabled_events", "api_version", "description", "metadata", "connect");
        var url = Url(form.RequireString("url"));
        var events = form.GetList("enabled_events");
        if (events.Count == 0)
        {
            throw StripeException.Missing("enabled_events");
        }

        var endpoint = Register(request.Account, request.Context, url, events, form.Get("api_version"));
        endpoint.Description = form.Get("description");
        JsonShapes.Merge(endpoint.Metadata, form.GetMap("metadata"));
        return ApiResult.Ok(endpoint.ToJson(withSecret: true));
    }

    private static ApiResult Update(ApiRequest request, WebhookEndpointRecord endpoint)
    {
        var form = request.Form;
        form.AllowOnly("url", "enabled_events", "description", "metadata", "disabled");
        endpoint.Url = form.Get("url") is { } url ? Url(url) : endpoint.Url;
        if (form.GetList("enabled_events") is { Count: > 0 } events)
        {
            endpoint.EnabledEvents = events.ToList();
        }

        if (form.Get("disabled") is not null)
        {
            endpoint.Status = form.OptionalBool("disabled") ? "disabled" : "enabled";
        }

        endpoint.Description = form.Get("description") ?? endpoint.Description;
        JsonShapes.Merge(endpoint.Metadata, form.GetMap("metadata"));
        return ApiResult.Ok(endpoint.ToJson(withSecret: false));
    }

    private static ApiResult Delete(WebhookEndpointRecord endpoint)
    {
        endpoint.Deleted = true;
        return ApiResult.Ok(endpoint.ToJson(withSecret: false));
    }

    private static ApiResult List(ApiRequest request)
    {
        var (items, more) = request.Account.WebhookEndpoints.Page(e => !e.Deleted, request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List("/v1/webhook_endpoints", items.Select(e => e.ToJson(withSecret: false)), more));
    }

    private static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw StripeException.Invalid("url", "Invalid URL: URL must be an absolute http or https URL.", "url_invalid");
}
