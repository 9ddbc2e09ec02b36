using System.Text;

namespace OrchardPortal.Liquid.Rendering;

/// <summary>The HTML escaping used for auto-encoded output: the five characters Liquid's <c>escape</c> filter replaces.</summary>
internal static class HtmlEncoder
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'");

    public static void Append(StringBuilder builder, string text)
    {
        var span = text.AsSpan();
        while (true)
        {
            var index = span.IndexOfAny(Special);
            if (index < 0)
            {
                builder.Append(span);
                return;
            }

            builder.Append(span[..index]);
            builder.Append(span[index] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            span = span[(index + 1)..];
        }
    }
}
