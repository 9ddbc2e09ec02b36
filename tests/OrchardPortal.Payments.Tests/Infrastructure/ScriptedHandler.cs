using System.Net;
using System.Text;

namespace OrchardPortal.Payments.Tests.Infrastructure;

/// <summary>An HTTP handler that answers from a script and remembers every request it saw (headers and body).</summary>
public sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<SeenRequest> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SeenRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.TryGetValues("Stripe-Version", out var versions) ? versions.Single() : null,
            request.Content?.Headers.ContentType?.MediaType,
            body));
        var answer = answers[Math.Min(_next, answers.Length - 1)];
        _next++;
        return answer(request);
    }
}

public sealed record SeenRequest(string Method, string PathAndQuery, string? Authorization, string? IdempotencyKey, string? StripeVersion, string? ContentType, string? Body);
