using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// Handles one /v1 request: authenticates, applies an injected fault, checks the idempotency
/// key, runs the endpoint under the account's lock, saves the result for the key, answers.
/// </summary>
public sealed class ApiPipeline
{
    private readonly AccountRegistry _accounts;
    private readonly StripeClock _clock;
    private readonly FakeStripeOptions _options;
    private readonly Func<string> _baseUrl;

    public ApiPipeline(AccountRegistry accounts, StripeClock clock, FakeStripeOptions options, Func<string> baseUrl)
    {
        _accounts = accounts;
        _clock = clock;
        _options = options;
        _baseUrl = baseUrl;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var requestId = StripeIds.New("req");
        var version = request.Headers["Stripe-Version"].ToString();
        http.Response.Headers["Request-Id"] = requestId;
        http.Response.Headers["Stripe-Version"] = version.Length > 0 ? version : _options.ApiVersion;
        var path = request.Path.Value ?? "/";
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await WriteAsync(http, 404, Serialize(new StripeException(404, "invalid_request_error", null,
                $"Unrecognized request URL ({request.Method}: {path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.").ToJson()));
            return;
        }

        Account account;
        FormParams form;
        try
        {
            account = _accounts.Get(ApiAuthentication.Authenticate(request));
            form = await ReadParamsAsync(request, http.RequestAborted);
        }
        catch (StripeException error)
        {
            await WriteAsync(http, error.Status, Serialize(error.ToJson()));
            return;
        }

        var post = HttpMethods.IsPost(request.Method);
        var key = post && request.Headers.TryGetValue("Idempotency-Key", out var k) && !StringValues.IsNullOrEmpty(k) ? k.ToString() : null;
        if (key is not null)
        {
            http.Response.Headers["Idempotency-Key"] = key;
        }

        var fault = TakeFault(account, path);
        if (fault is FaultKind.ServerErrorBeforeExecution or FaultKind.HangBeforeExecution)
        {
            Log(account, request.Method, path, version.Length > 0 ? version : null, key, 500, replayed: false);
            await FailAsync(http, fault.Value);
            return;
        }

        var context = new OperationContext(_clock, _options.ApiVersion, _baseUrl(), requestId, key);
        var segments = path.Length > 4 ? path[4..].TrimEnd('/').Split('/') : [""];
        var api = new ApiRequest
        {
            Account = account, Method = request.Method, Segments = segments, Form = form, Context = context,
            StripeVersion = version.Length > 0 ? version : null,
        };
        var (status, body, originalRequest) = await ExecuteAsync(api, key, fault);
        if (originalRequest is not null)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            http.Response.Headers["Original-Request"] = originalRequest;
        }

        if (fault is FaultKind.HangAfterExecution)
        {
            await FailAsync(http, FaultKind.HangAfterExecution);
            return;
        }

        await WriteAsync(http, status, body);
    }

    /// <summary>Runs the endpoint, or replays the saved result (then OriginalRequest names the request that produced it).</summary>
    private async Task<(int Status, byte[] Body, string? OriginalRequest)> ExecuteAsync(ApiRequest api, string? key, FaultKind? fault)
    {
        var account = api.Account;
        var endpoint = api.Method + " " + api.Url;
        IdempotencyEntry? entry = null;
        if (key is not null)
        {
            lock (account.Gate)
            {
                try
                {
                    var (outcome, claimed) = Idempotency.Claim(account, _clock, key, endpoint, api.Form.Canonical(), api.Context.RequestId!);
                    if (outcome == Idempotency.Outcome.Replay)
                    {
                        Log(account, api.Method, api.Url, api.StripeVersion, key, claimed.Status, replayed: true);
                        return (claimed.Status, claimed.Body, claimed.RequestId);
                    }

                    entry = claimed;
                }
                catch (StripeException error)
                {
                    Log(account, api.Method, api.Url, api.StripeVersion, key, error.Status, replayed: false);
                    return (error.Status, Serialize(error.ToJson()), null);
                }
            }

            if (account.ProcessingDelay > TimeSpan.Zero)
            {
                await Task.Delay(account.ProcessingDelay);
            }
        }

        lock (account.Gate)
        {
            int status;
            byte[] body;
            var saved = true;
            try
            {
                var result = ApiRouter.Dispatch(api);
                status = result.Status;
                body = result.Raw ?? Serialize(result.Json!);
            }
            catch (StripeException error)
            {
                (status, body, saved) = (error.Status, Serialize(error.ToJson()), error.Saved);
            }
            catch (Exception bug) when (bug is not OperationCanceledException)
            {
                // A defect in the fake: answer like Stripe's 500 (and save it, as Stripe does)
                // rather than leave the idempotency key claimed by a request that never ends.
                var error = new StripeException(500, "api_error", null, "The fake Stripe server failed: " + bug.Message);
                (status, body, saved) = (500, Serialize(error.ToJson()), true);
            }

            if (fault is FaultKind.ServerErrorAfterExecution)
            {
                (status, body, saved) = (500, Serialize(ServerError().ToJson()), true);
            }

            if (entry is not null)
            {
                Idempotency.Complete(account, key!, entry, status, body, saved);
            }

            Log(account, api.Method, api.Url, api.StripeVersion, key, status, replayed: false);
            return (status, body, null);
        }
    }

    private static FaultKind? TakeFault(Account account, string path)
    {
        lock (account.Gate)
        {
            if (account.Faults.TryPeek(out var fault) && (fault.PathPrefix is null || path.StartsWith(fault.PathPrefix, StringComparison.Ordinal)))
            {
                account.Faults.Dequeue();
                return fault.Kind;
            }

            return null;
        }
    }

    private async Task FailAsync(HttpContext http, FaultKind fault)
    {
        if (fault == FaultKind.ServerErrorBeforeExecution)
        {
            await WriteAsync(http, 500, Serialize(ServerError().ToJson()));
            return;
        }

        try
        {
            await Task.Delay(_options.HangTimeout, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as intended.
        }

        http.Abort();
    }

    private static StripeException ServerError() =>
        new(500, "api_error", null, "An unknown error occurred while processing your request (injected by the fake Stripe server).");

    private static async Task<FormParams> ReadParamsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return request.Query.Count == 0 ? FormParams.Empty : new FormParams(Pairs(request.Query));
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return new FormParams(Pairs(form));
        }

        if (request.ContentLength is null or 0)
        {
            return FormParams.Empty;
        }

        throw new StripeException(400, "invalid_request_error", null,
            $"Invalid request: unsupported Content-Type {request.ContentType}. If error persists and you need assistance, please contact support@stripe.com.",
            saved: false);
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, StringValues>> source) =>
        source.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));

    private void Log(Account account, string method, string path, string? version, string? key, int status, bool replayed)
    {
        lock (account.Gate)
        {
            account.RequestLog.Add(new RequestRecord(_clock.UtcNow, method, path, version, key, status, replayed));
        }
    }

    private static byte[] Serialize(System.Text.Json.Nodes.JsonNode json) => JsonSerializer.SerializeToUtf8Bytes(json);

    private static async Task WriteAsync(HttpContext http, int status, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
