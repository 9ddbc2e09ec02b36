using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe.Control;

/// <summary>
/// The control API over HTTP under <c>/_fake/</c>, for callers that are not in the test process
/// (curl while debugging, a script). Same Bearer key as the API picks the account; form-encoded
/// parameters; JSON answers. Mirrors <see cref="FakeStripeAccount"/>; see README.md.
/// </summary>
public sealed class ControlRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly FakeStripeServer _server;

    public ControlRoutes(FakeStripeServer server)
    {
        _server = server;
    }

    public async Task HandleAsync(HttpContext http)
    {
        object? result;
        var status = 200;
        try
        {
            var account = _server.Account(ApiAuthentication.Authenticate(http.Request));
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            string? Form(string name) => form?[name].ToString() is { Length: > 0 } value ? value : null;
            var path = http.Request.Path.Value!["/_fake/".Length..].TrimEnd('/').Split('/');
            result = await DispatchAsync(http.Request.Method, path, account, Form, form?["enabled_events[]"].ToArray());
            if (result is null)
            {
                throw new StripeException(404, "invalid_request_error", null, $"Unrecognized control URL ({http.Request.Method}: {http.Request.Path}).");
            }
        }
        catch (StripeException error)
        {
            (status, result) = (error.Status, error.ToJson());
        }
        catch (Exception error) when (error is FormatException or ArgumentException or KeyNotFoundException)
        {
            (status, result) = (400, new StripeException(400, "invalid_request_error", null, error.Message).ToJson());
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(result is System.Text.Json.Nodes.JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(result, Json),
            http.RequestAborted);
    }

    private async Task<object?> DispatchAsync(string method, string[] path, FakeStripeAccount account, Func<string, string?> form, string?[]? events)
    {
        var webhooks = account.Webhooks;
        switch (method, path)
        {
            case ("GET", ["payment_intents"]):
                return account.PaymentIntents();
            case ("GET", ["charges"]):
                return account.Charges();
            case ("GET", ["events"]):
                return account.Events().Select(e => new { e.Id, e.Type, e.ObjectId, e.Created });
            case ("GET", ["idempotency_keys"]):
                return account.IdempotencyKeyUses();
            case ("GET", ["requests"]):
                return account.Requests();
            case ("GET", ["webhooks", "attempts"]):
                return webhooks.Attempts;
            case ("POST", ["webhook_endpoints"]):
                var (id, secret) = account.AddWebhookEndpoint(form("url") ?? throw StripeException.Missing("url"),
                    events?.Where(e => e is not null).Select(e => e!).ToArray() ?? []);
                return new { id, secret };
            case ("POST", ["ach", "settle"]):
                return new { settled = account.SettlePendingAch() };
            case ("POST", ["ach", "fail"]):
                return new { failed = account.FailPendingAch(form("failure_code") ?? "insufficient_funds") };
            case ("POST", ["clock", "advance"]):
                var seconds = double.Parse(form("seconds") ?? throw StripeException.Missing("seconds"), CultureInfo.InvariantCulture);
                return new { settled = _server.AdvanceClock(TimeSpan.FromSeconds(seconds)), now = _server.Clock.UnixNow };
            case ("POST", ["faults"]):
                var kind = Enum.Parse<FaultKind>(form("kind") ?? nameof(FaultKind.ServerErrorBeforeExecution), ignoreCase: true);
                var count = int.Parse(form("count") ?? "1", CultureInfo.InvariantCulture);
                account.FailNextRequests(count, kind, form("path_prefix"));
                return new { queued = count, kind = kind.ToString() };
            case ("POST", ["webhooks"]):
                SetSwitches(webhooks, form);
                return Switches(webhooks);
            case ("GET", ["webhooks"]):
                return Switches(webhooks);
            case ("POST", ["webhooks", "release"]):
                var held = webhooks.HeldCount;
                await webhooks.ReleaseHeldAsync();
                return new { released = held };
            case ("POST", ["events", var eventId, "resend"]):
                return await account.SendEventAsync(eventId);
            case ("POST", ["intents", var intentId, "authenticate"]):
                account.CompleteAuthentication(intentId, form("succeed") != "false");
                return new { id = intentId };
            default:
                return null;
        }
    }

    private static void SetSwitches(WebhookDispatcher webhooks, Func<string, string?> form)
    {
        if (form("copies") is { } copies)
        {
            webhooks.Copies = int.Parse(copies, CultureInfo.InvariantCulture);
        }

        if (form("reorder_window") is { } window)
        {
            var mode = Enum.Parse<ReorderMode>(form("reorder_mode") ?? nameof(ReorderMode.Reverse), ignoreCase: true);
            webhooks.Reorder(int.Parse(window, CultureInfo.InvariantCulture), mode, int.Parse(form("seed") ?? "1", CultureInfo.InvariantCulture));
        }

        if (form("delay_ms") is { } delay)
        {
            webhooks.Delay = TimeSpan.FromMilliseconds(int.Parse(delay, CultureInfo.InvariantCulture));
        }

        if (form("hold") is { } hold)
        {
            webhooks.Hold = bool.Parse(hold);
        }

        if (form("drop") is { } drop)
        {
            webhooks.Drop = bool.Parse(drop);
        }

        if (form("max_concurrency") is { } concurrency)
        {
            webhooks.MaxConcurrency = int.Parse(concurrency, CultureInfo.InvariantCulture);
        }
    }

    private static object Switches(WebhookDispatcher webhooks) => new
    {
        copies = webhooks.Copies,
        reorder_window = webhooks.ReorderWindow,
        reorder_mode = webhooks.ReorderMode.ToString(),
        delay_ms = webhooks.Delay.TotalMilliseconds,
        hold = webhooks.Hold,
        drop = webhooks.Drop,
        max_concurrency = webhooks.MaxConcurrency,
        held = webhooks.HeldCount,
    };
}
