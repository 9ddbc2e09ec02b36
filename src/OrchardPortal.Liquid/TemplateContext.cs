using System.Globalization;

namespace OrchardPortal.Liquid;

/// <summary>
/// The state of one render: variables in scope, options, limits and the services filters may use.
/// One instance per render; never shared between threads.
/// </summary>
/// <remarks>Skeleton written to fix the filter contract; the engine owns and extends it.</remarks>
public sealed class TemplateContext
{
    /// <summary>Culture for number and date formatting done by host filters (standard filters are culture-invariant).</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>Time zone that the <c>date</c> filter converts to.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Clock used for <c>"now"</c> and <c>"today"</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
