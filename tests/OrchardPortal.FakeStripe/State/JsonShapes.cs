using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

/// <summary>Pieces every Stripe object shares.</summary>
public static class JsonShapes
{
    public static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A list page: <c>{"object": "list", "data": [...], "has_more", "url"}</c>.</summary>
    public static JsonObject List(string url, IEnumerable<JsonObject> items, bool hasMore) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(items.Cast<JsonNode?>().ToArray()),
        ["has_more"] = hasMore,
        ["url"] = url,
    };

    /// <summary>Applies a metadata update: an empty value removes the key, as in Stripe.</summary>
    public static void Merge(Dictionary<string, string> target, IReadOnlyDictionary<string, string>? update)
    {
        if (update is null)
        {
            return;
        }

        foreach (var (key, value) in update)
        {
            if (value.Length == 0)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value;
            }
        }
    }
}
