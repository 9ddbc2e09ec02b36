using System.Text;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Form-encodes like Ruby's <c>CGI.escape</c>: space becomes <c>+</c>, only <c>A-Z a-z 0-9 _ . - ~</c> stay as they are.</summary>
    public static object? UrlEncode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("url_encode", arguments, 0, 0);
        if (input is null)
        {
            return null;
        }

        var text = ToText(input);
        var builder = new StringBuilder(text.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')
            {
                builder.Append(c);
                continue;
            }

            if (c == ' ')
            {
                builder.Append('+');
                continue;
            }

            var width = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(text.AsSpan(index, width), bytes);
            for (var b = 0; b < written; b++)
            {
                builder.Append('%').Append(ToHexDigit(bytes[b] >> 4)).Append(ToHexDigit(bytes[b] & 0xF));
            }

            index += width - 1;
        }

        return builder.ToString();
    }

    /// <summary>Decodes <c>+</c> and <c>%XX</c> (Ruby's <c>CGI.unescape</c>); bytes that are not valid UTF-8 are an error.</summary>
    public static object? UrlDecode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("url_decode", arguments, 0, 0);
        if (input is null)
        {
            return null;
        }

        var text = ToText(input);
        if (text.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && index + 2 < text.Length && char.IsAsciiHexDigit(text[index + 1]) && char.IsAsciiHexDigit(text[index + 2]))
            {
                bytes.Add((byte)((FromHexDigit(text[index + 1]) << 4) | FromHexDigit(text[index + 2])));
                index += 2;
            }
            else
            {
                var width = char.IsHighSurrogate(c) && index + 1 < text.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.AsSpan(index, width), buffer);
                bytes.AddRange(buffer[..written]);
                index += width - 1;
            }
        }

        return DecodeUtf8("url_decode", bytes.ToArray());
    }

    public static object? Base64Encode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("base64_encode", arguments, 0, 0);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(ToText(input)));
    }

    public static object? Base64UrlSafeEncode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("base64_url_safe_encode", arguments, 0, 0);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(ToText(input))).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Strict decoding (Ruby's <c>strict_decode64</c>): padding required, no whitespace or stray characters.</summary>
    public static object? Base64Decode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("base64_decode", arguments, 0, 0);
        return DecodeBase64("base64_decode", ToText(input));
    }

    /// <summary>Accepts both alphabets and missing padding, like Ruby's <c>urlsafe_decode64</c>.</summary>
    public static object? Base64UrlSafeDecode(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("base64_url_safe_decode", arguments, 0, 0);
        var text = ToText(input).Replace('-', '+').Replace('_', '/');
        if (text.Length % 4 != 0 && !text.EndsWith('='))
        {
            text = text.PadRight((text.Length + 3) & ~3, '=');
        }

        return DecodeBase64("base64_url_safe_decode", text);
    }

    private static string DecodeBase64(string filter, string text)
    {
        if (!IsStrictBase64(text))
        {
            throw FilterError(filter, "invalid base64 provided");
        }

        return DecodeUtf8(filter, Convert.FromBase64String(text));
    }

    private static bool IsStrictBase64(string text)
    {
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        for (var index = 0; index < text.Length - padding; index++)
        {
            var c = text[index];
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    private static string DecodeUtf8(string filter, byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw FilterError(filter, "invalid byte sequence in UTF-8");
        }
    }

    private static char ToHexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static int FromHexDigit(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
