using System.Text.Json;

namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>
/// Turns JSON into the engine's plain value model: hashes are string-keyed dictionaries,
/// arrays are lists, integers are <see cref="long"/> and other numbers <see cref="double"/>
/// (Liquid keeps integer and float arithmetic apart, so the distinction matters).
/// </summary>
public static class JsonLiquidValues
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new InvalidDataException($"Unexpected JSON value kind {element.ValueKind}."),
    };
}
