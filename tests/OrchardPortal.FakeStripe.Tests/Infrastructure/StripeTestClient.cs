using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Control;

namespace OrchardPortal.FakeStripe.Tests.Infrastructure;

/// <summary>Talks to the fake as a Stripe client would: form-encoded POSTs, Bearer key, Stripe-Version.</summary>
public sealed class StripeTestClient : IDisposable
{
    public const string Version = "2024-06-20";
    private readonly HttpClient _http;

    public StripeTestClient(FakeStripeServer server, string key)
    {
        Key = key;
        Account = server.Account(key);
        _http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _http.DefaultRequestHeaders.Add("Stripe-Version", Version);
    }

    public string Key { get; }

    public string BaseUrl => _http.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>The account's control handle, for asserting what the server holds.</summary>
    public FakeStripeAccount Account { get; }

    /// <summary>How long a request may take before the client gives up (settable between requests).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public Task<StripeResponse> PostAsync(string path, params (string Key, string Value)[] form) => PostAsync(path, null, form);

    public async Task<StripeResponse> PostAsync(string path, string? idempotencyKey, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'));
        request.Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request);
    }

    public async Task<StripeResponse> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/'));
        return await SendAsync(request);
    }

    public async Task<StripeResponse> DeleteAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path.TrimStart('/'));
        return await SendAsync(request);
    }

    /// <summary>Creates a customer and returns its id.</summary>
    public async Task<string> CreateCustomerAsync(string email = "pat@example.test") =>
        (await PostAsync("/v1/customers", ("email", email))).Ok().Str("id");

    public void Dispose() => _http.Dispose();

    private async Task<StripeResponse> SendAsync(HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var response = await _http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync();
        return new StripeResponse(response.StatusCode, body, JsonNode.Parse(body)!.AsObject(),
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }
}

public sealed record StripeResponse(HttpStatusCode Status, string Body, JsonObject Json, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Asserts a 200 and returns the response for chaining.</summary>
    public StripeResponse Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
        return this;
    }

    public JsonObject Error => Json["error"]!.AsObject();

    public string Str(string name) => Json.Str(name);
}

public static class JsonTestExtensions
{
    /// <summary>A string member by dotted path ("last_payment_error.code"); null when absent or null.</summary>
    public static string Str(this JsonNode node, string path) => node.Find(path)?.GetValue<string>()!;

    public static long Number(this JsonNode node, string path) => node.Find(path)!.GetValue<long>();

    public static JsonNode? Find(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }

        return current;
    }
}
