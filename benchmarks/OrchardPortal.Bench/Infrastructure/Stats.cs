using System.Globalization;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>Percentiles over a set of timings, in milliseconds.</summary>
internal sealed class Stats
{
    private readonly double[] _sorted;

    public Stats(IEnumerable<double> milliseconds)
    {
        _sorted = milliseconds.Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(milliseconds));
        }
    }

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);

    public double P90 => Percentile(90);

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Mean => _sorted.Average();

    /// <summary>Nearest-rank percentile: a value that was actually measured.</summary>
    public double Percentile(double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count} p50={P50:F1} ms p90={P90:F1} ms min={Min:F1} ms max={Max:F1} ms");
}

/// <summary>Number formatting that doesn't depend on the machine's culture.</summary>
internal static class Fmt
{
    public static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    public static string Kb(double bytes) => (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
