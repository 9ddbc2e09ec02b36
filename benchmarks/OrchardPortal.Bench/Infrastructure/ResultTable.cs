namespace OrchardPortal.Bench.Infrastructure;

/// <summary>One line of the results table: a measured value against the target (if it has one).</summary>
internal sealed record ResultRow(string Metric, string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "**missed**",
        null => "—",
    };
}

/// <summary>Collects result rows across scenarios and prints them as a Markdown table for docs/benchmarks.md.</summary>
internal sealed class ResultTable
{
    private readonly List<ResultRow> _rows = [];

    public void Add(string metric, string target, string measured, bool? met = null) => _rows.Add(new ResultRow(metric, target, measured, met));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Metric | Target | Measured | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var row in _rows)
        {
            Console.WriteLine($"| {row.Metric} | {row.Target} | {row.Measured} | {row.Verdict} |");
        }
    }
}
