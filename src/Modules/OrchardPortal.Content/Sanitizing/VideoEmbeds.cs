using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;

namespace OrchardPortal.Content.Sanitizing;

/// <summary>A video page or embed URL turned into the provider's privacy-friendly embed URL.</summary>
public sealed record VideoEmbed(string Provider, string EmbedUrl);

/// <summary>
/// Recognises YouTube and Vimeo links in every form people paste (watch pages, short links, Shorts,
/// existing embed URLs) and rebuilds the one embed URL we allow: <c>youtube-nocookie.com/embed/{id}</c>
/// (no tracking cookies until play) or <c>player.vimeo.com/video/{id}?dnt=1</c>. Nothing from the
/// pasted URL is copied through except the validated id, start time and Vimeo's private-link hash.
/// </summary>
public static partial class VideoEmbeds
{
    public static VideoEmbed? TryNormalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = HttpUtility.ParseQueryString(uri.Query);
        return host switch
        {
            "youtu.be" => YouTube(segments.FirstOrDefault(), query),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "music.youtube.com" or "youtube-nocookie.com" or "www.youtube-nocookie.com" => segments switch
            {
                ["watch"] => YouTube(query["v"], query),
                ["embed" or "shorts" or "live" or "v", var id, ..] => YouTube(id, query),
                _ => null,
            },
            "vimeo.com" or "www.vimeo.com" => Vimeo(segments.Where(s => DigitsPattern().IsMatch(s)).FirstOrDefault(), VimeoHashAfterId(segments) ?? query["h"]),
            "player.vimeo.com" => segments is ["video", var videoId, ..] ? Vimeo(videoId, query["h"]) : null,
            _ => null,
        };
    }

    private static VideoEmbed? YouTube(string? id, System.Collections.Specialized.NameValueCollection query)
    {
        if (id is null || !YouTubeIdPattern().IsMatch(id))
        {
            return null;
        }

        var start = Seconds(query["start"]) ?? Seconds(query["t"]);
        var suffix = start is > 0 ? "?start=" + start.Value.ToString(CultureInfo.InvariantCulture) : "";
        return new VideoEmbed("YouTube", $"https://www.youtube-nocookie.com/embed/{id}{suffix}");
    }

    private static VideoEmbed? Vimeo(string? id, string? hash)
    {
        if (id is null || !DigitsPattern().IsMatch(id))
        {
            return null;
        }

        var privateHash = hash is not null && HashPattern().IsMatch(hash) ? "&h=" + hash : "";
        return new VideoEmbed("Vimeo", $"https://player.vimeo.com/video/{id}?dnt=1{privateHash}");
    }

    /// <summary>Unlisted Vimeo videos are shared as <c>vimeo.com/{id}/{hash}</c>.</summary>
    private static string? VimeoHashAfterId(string[] segments) =>
        segments.Length == 2 && DigitsPattern().IsMatch(segments[0]) && HashPattern().IsMatch(segments[1]) ? segments[1] : null;

    /// <summary>"90", "90s" or "1m30s" as seconds.</summary>
    private static int? Seconds(string? value)
    {
        var match = value is null ? Match.Empty : TimePattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return (Part("h") * 3600) + (Part("m") * 60) + Part("s");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}\\z")]
    private static partial Regex YouTubeIdPattern();

    [GeneratedRegex("^[0-9]{1,12}\\z")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^[0-9a-f]{6,20}\\z")]
    private static partial Regex HashPattern();

    [GeneratedRegex("^(?:(?<h>[0-9]{1,2})h)?(?:(?<m>[0-9]{1,3})m)?(?:(?<s>[0-9]{1,5})s?)?\\z")]
    private static partial Regex TimePattern();
}
