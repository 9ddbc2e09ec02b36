using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Theming;

public enum ThemeRenderKind
{
    Page,
    Email,
}

/// <summary>Well-known keys of <see cref="ThemePageOptions.Items"/> that providers understand.</summary>
public static class ThemeRenderItems
{
    /// <summary>
    /// A path prefix (e.g. <c>/admin/sample-portal</c>) for links between portal pages, when the portal is
    /// shown under another address (the staff's sample portal) so that its navigation stays there.
    /// </summary>
    public const string PortalBasePath = "portal:base-path";
}

/// <summary>One render as <see cref="IThemeGlobalsProvider"/>s see it: what is rendered, for whom, and the globals being built.</summary>
public sealed class ThemeRenderContext
{
    private readonly Dictionary<string, object?> _globals = new(StringComparer.Ordinal);

    public required TenantRecord Tenant { get; init; }

    public required ThemeDescriptor Theme { get; init; }

    public required SiteProfile Site { get; init; }

    /// <summary>The view being rendered, e.g. <c>Home</c>, <c>Payments</c>, <c>Emails/Invoice</c>.</summary>
    public required string View { get; init; }

    public ThemeRenderKind Kind { get; init; }

    /// <summary>True for staff previews ("View sample portal", a draft): providers may show drafts.</summary>
    public bool IsPreview { get; init; }

    /// <summary>The request being answered; null for emails rendered by background work.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>Effective theme setting values (saved, default, or unsaved preview values), by setting name.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>Free-form values the caller passed in <see cref="ThemePageOptions.Items"/>, for providers only (not templates).</summary>
    public IReadOnlyDictionary<string, object?> Items { get; init; } = new Dictionary<string, object?>();

    /// <summary>The template's global variables so far.</summary>
    public IDictionary<string, object?> Globals => _globals;

    /// <summary>The global object <paramref name="name"/> (e.g. <c>portal</c>) as a dictionary to add members to; created when missing.</summary>
    public IDictionary<string, object?> Section(string name)
    {
        if (_globals.TryGetValue(name, out var existing) && existing is IDictionary<string, object?> section)
        {
            return section;
        }

        var created = new Dictionary<string, object?>(StringComparer.Ordinal);
        _globals[name] = created;
        return created;
    }
}
