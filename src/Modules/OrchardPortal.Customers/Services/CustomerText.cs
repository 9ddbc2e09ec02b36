using System.Globalization;
using System.Text;

namespace OrchardPortal.Customers.Services;

/// <summary>How customer text is cleaned, compared and made searchable; shared by validation, saving and search.</summary>
public static class CustomerText
{
    // Longer than any field we search; a pasted essay shouldn't become a huge LIKE pattern.
    private const int MaxTermLength = 100;

    /// <summary>Trimmed text, or null when there is none.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The key account numbers are unique and looked up by: case is not significant.</summary>
    public static string AccountKey(string accountNumber) => accountNumber.Trim().ToUpperInvariant();

    public static string PhoneDigits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>Control characters (line breaks, tabs, …) never belong in a one-line field.</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    /// <summary>The display name rule: the company when given, otherwise the person.</summary>
    public static string DisplayName(string? firstName, string? lastName, string? companyName) =>
        Clean(companyName) ?? string.Join(' ', new[] { Clean(firstName), Clean(lastName) }.OfType<string>());

    /// <summary>
    /// Search words of a query: lower-cased; a word made only of digits and phone punctuation, such as
    /// "(312)" or "555-0134", becomes its digits so it matches however the number was typed.
    /// </summary>
    public static IReadOnlyList<string> QueryTerms(string? query, int max = 5)
    {
        var terms = new List<string>();
        foreach (var word in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = Fold(word);
            var looksLikePhone = lower.Any(char.IsAsciiDigit) && lower.All(ch => char.IsAsciiDigit(ch) || "()-.+/".Contains(ch, StringComparison.Ordinal));
            var term = looksLikePhone ? PhoneDigits(lower) : lower;
            term = term.Length > MaxTermLength ? term[..MaxTermLength] : term;
            if (term.Length > 0 && !terms.Contains(term))
            {
                terms.Add(term);
            }

            if (terms.Count == max)
            {
                break;
            }
        }

        return terms;
    }

    /// <summary>Lower case without accents, so "José" is found by "jose" and "Sørensen" by "sorensen".</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            // Letters Unicode doesn't decompose into a base letter plus a mark.
            switch (ch)
            {
                case 'ø': builder.Append('o'); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ß': builder.Append("ss"); break;
                case 'ł': builder.Append('l'); break;
                case 'đ': builder.Append('d'); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Escapes LIKE wildcards so what people type is matched literally.</summary>
    public static string LikeContains(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
