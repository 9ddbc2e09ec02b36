using System.Text;
using System.Text.RegularExpressions;

namespace OrchardPortal.Liquid.Benchmarks.Infrastructure;

/// <summary>
/// Output checks run once in <c>[GlobalSetup]</c>: a benchmark of wrong output is worse than no
/// benchmark, so a mismatch throws and BenchmarkDotNet reports the benchmark as failed.
/// </summary>
public static partial class OutputCheck
{
    /// <summary>Byte-for-byte comparison, for golden fixtures whose expected output is exact.</summary>
    public static void RequireExact(string expected, string actual, string what)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: output differs from the expected result.{Environment.NewLine}{DescribeDifference(expected, actual)}");
        }
    }

    /// <summary>
    /// Comparison of two engines' renderings of "the same" page: whitespace runs are collapsed
    /// (Liquid and Mustache templates are indented differently) and a float with a zero fraction
    /// is compared by value, because Liquid prints floats the Ruby way (<c>1.0</c>) where
    /// Handlebars.Net prints <c>1</c>. Anything else must match.
    /// </summary>
    public static void RequireEquivalent(string expected, string actual, string what)
    {
        var normalisedExpected = Normalise(expected);
        var normalisedActual = Normalise(actual);
        if (!string.Equals(normalisedExpected, normalisedActual, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: outputs are not equivalent after normalising whitespace.{Environment.NewLine}{DescribeDifference(normalisedExpected, normalisedActual)}");
        }
    }

    public static string Normalise(string text)
    {
        var withoutZeroFractions = ZeroFraction().Replace(text, "$1");
        return Whitespace().Replace(withoutZeroFractions, " ").Trim();
    }

    private static string DescribeDifference(string expected, string actual)
    {
        var index = 0;
        while (index < expected.Length && index < actual.Length && expected[index] == actual[index])
        {
            index++;
        }

        var start = Math.Max(0, index - 40);
        var description = new StringBuilder()
            .Append("First difference at offset ").Append(index)
            .Append(" (expected length ").Append(expected.Length).Append(", actual length ").Append(actual.Length).AppendLine(").")
            .Append("  expected: ").AppendLine(Excerpt(expected, start))
            .Append("  actual:   ").AppendLine(Excerpt(actual, start));
        return description.ToString();
    }

    private static string Excerpt(string text, int start) =>
        start >= text.Length ? "<end>" : text.Substring(start, Math.Min(100, text.Length - start)).ReplaceLineEndings("\\n");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(\d+)\.0\b")]
    private static partial Regex ZeroFraction();
}
