using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrchardPortal.Core.Theming;

/// <summary>A theme's <c>theme.json</c>: who it is and the settings it exposes to tenants.</summary>
public sealed record ThemeManifest
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public string Version { get; init; } = "1.0";

    public IReadOnlyList<ThemeSettingDefinition> Settings { get; init; } = [];

    public ThemeSettingDefinition? FindSetting(string name) =>
        Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Reads a manifest; a manifest without a name or with a malformed setting is refused.</summary>
    public static ThemeManifest Parse(string json, string source)
    {
        ThemeManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ThemeManifest>(json, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"Theme manifest {source} is not valid JSON: {exception.Message}", exception);
        }

        if (manifest is null || string.IsNullOrWhiteSpace(manifest.Name))
        {
            throw new InvalidOperationException($"Theme manifest {source} has no name.");
        }

        foreach (var setting in manifest.Settings)
        {
            if (string.IsNullOrWhiteSpace(setting.Name) || (setting.Type == ThemeSettingType.Color && !ColorContrast.TryParse(setting.Default, out _)))
            {
                throw new InvalidOperationException($"Theme manifest {source}: setting '{setting.Name}' needs a name and, for a colour, a hex default.");
            }
        }

        return manifest;
    }
}

/// <summary>One setting a theme exposes (e.g. its theme colour), with the value a tenant starts with.</summary>
public sealed record ThemeSettingDefinition
{
    /// <summary>The key in the tenant's settings and in templates (<c>theme.{name}</c>).</summary>
    public required string Name { get; init; }

    public string Label { get; init; } = "";

    public string Description { get; init; } = "";

    public ThemeSettingType Type { get; init; } = ThemeSettingType.Text;

    public string? Default { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ThemeSettingType>))]
public enum ThemeSettingType
{
    Text,
    Color,
    Image,
    Html,
}
