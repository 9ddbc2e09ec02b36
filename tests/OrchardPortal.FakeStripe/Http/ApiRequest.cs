using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>One API call, parsed: the account, the verb, the path after <c>/v1/</c> and the parameters.</summary>
public sealed class ApiRequest
{
    public required Account Account { get; init; }

    public required string Method { get; init; }

    /// <summary>The path split on '/', without the leading "v1": ["payment_intents", "pi_…", "confirm"].</summary>
    public required string[] Segments { get; init; }

    public required FormParams Form { get; init; }

    public required OperationContext Context { get; init; }

    /// <summary>The request's Stripe-Version header, recorded in the account's request log.</summary>
    public string? StripeVersion { get; init; }

    public bool IsPost => Method == "POST";

    public bool IsGet => Method == "GET";

    public bool IsDelete => Method == "DELETE";

    public string Url => "/v1/" + string.Join('/', Segments);
}

/// <summary>An answer: a JSON body (200 unless said otherwise) or pre-serialized bytes.</summary>
public readonly record struct ApiResult(int Status, JsonNode? Json, byte[]? Raw = null)
{
    public static ApiResult Ok(JsonNode json) => new(200, json);

    public static ApiResult Bytes(byte[] raw) => new(200, null, raw);
}
