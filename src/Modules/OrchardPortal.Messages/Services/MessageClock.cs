using System.Globalization;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Messages.Services;

/// <summary>Message times as people read them: in the company's time zone and culture ("Nov 21, 2026, 3:45 PM").</summary>
public sealed class MessageClock(SiteProfileService profiles)
{
    private SiteProfile? _profile;

    public async Task<Func<DateTimeOffset, string>> FormatterAsync(CancellationToken cancellationToken)
    {
        var profile = _profile ??= await profiles.GetAsync(cancellationToken);
        return time =>
        {
            var local = TimeZoneInfo.ConvertTime(time, profile.TimeZone);
            return local.ToString("MMM d, yyyy, ", profile.Culture) + local.ToString("t", profile.Culture);
        };
    }

    /// <summary>For machine-readable <c>datetime</c> attributes.</summary>
    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
