using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// Records an Event for each state change and hands it to the account's webhook dispatcher.
/// Called under the account's lock, so events are numbered and queued in the order the
/// changes happened.
/// </summary>
public static class EventLog
{
    public static EventRecord Raise(Account account, OperationContext context, string type, JsonObject data, JsonObject? previousAttributes = null)
    {
        var id = StripeIds.New("evt");
        var endpoints = account.WebhookEndpoints.InCreationOrder.Where(e => e.Wants(type)).ToList();
        var dataJson = new JsonObject { ["object"] = data };
        if (previousAttributes is not null)
        {
            dataJson["previous_attributes"] = previousAttributes;
        }

        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = context.ApiVersion,
            ["created"] = context.Now,
            ["data"] = dataJson,
            ["livemode"] = false,
            ["pending_webhooks"] = endpoints.Count,
            ["request"] = new JsonObject { ["id"] = context.RequestId, ["idempotency_key"] = context.IdempotencyKey },
            ["type"] = type,
        };
        var record = new EventRecord(id, type, context.Now, data["id"]?.GetValue<string>() ?? "", json);
        account.Events.Add(record);
        foreach (var endpoint in endpoints)
        {
            account.Webhooks.Enqueue(new WebhookDelivery(record, endpoint.Id, endpoint.Url, endpoint.Secret));
        }

        return record;
    }
}
