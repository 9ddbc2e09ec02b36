using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// An Event as Stripe stores it: the object's state at the moment of the change. The JSON tree
/// is built once at that moment and serialized at most once, when first delivered or read, so
/// every delivery and every GET /v1/events/{id} carries identical bytes (and events nobody
/// listens to cost no serialization).
/// </summary>
public sealed class EventRecord
{
    private readonly Lazy<byte[]> _json;

    public EventRecord(string id, string type, long created, string objectId, JsonObject json)
    {
        Id = id;
        Type = type;
        Created = created;
        ObjectId = objectId;
        _json = new Lazy<byte[]>(() => JsonSerializer.SerializeToUtf8Bytes(json), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Id { get; }

    public string Type { get; }

    public long Created { get; }

    public string ObjectId { get; }

    public byte[] Json => _json.Value;
}
