using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Turns an email's HTML into its plain-text part: tags dropped, entities decoded, paragraphs and line
/// breaks kept, and link targets written out ("Pay now (https://…)") because a text reader can't click
/// a hidden href.
/// </summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = InvisibleElements().Replace(html, "");
        text = Comments().Replace(text, "");
        // Source line breaks mean nothing in HTML; only the markup's own breaks survive.
        text = AnyWhitespace().Replace(text, " ");
        text = Links().Replace(text, WriteLink);
        text = LineBreaks().Replace(text, "\n");
        text = ListItems().Replace(text, "\n- ");
        text = BlockBoundaries().Replace(text, "\n\n");
        text = CellBoundaries().Replace(text, " ");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return Tidy(text);
    }

    private static string WriteLink(Match match)
    {
        var href = WebUtility.HtmlDecode(match.Groups["href"].Value).Trim();
        var label = WebUtility.HtmlDecode(Tags().Replace(match.Groups["label"].Value, "")).Trim();
        label = Whitespace().Replace(label, " ");
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return label;
        }

        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            href = href["mailto:".Length..];
        }

        // Re-encode so the entity decoding of the whole text later leaves the link as it is.
        var written = label.Length == 0 || label == href ? href : $"{label} ({href})";
        return WebUtility.HtmlEncode(written);
    }

    // Lines are trimmed and runs of blank lines capped at one, so paragraphs stay apart without gaps.
    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Whitespace().Replace(rawLine.Replace('\u00a0', ' '), " ").Trim();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blankLines = 0;
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(script|style|head|title)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InvisibleElements();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(?:""(?<href>[^""]*)""|'(?<href>[^']*)'|(?<href>[^\s>]+))[^>]*>(?<label>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"</?(p|div|h[1-6]|table|tr|ul|ol|blockquote|section|article|header|footer|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundaries();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellBoundaries();

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnyWhitespace();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Whitespace();
}
