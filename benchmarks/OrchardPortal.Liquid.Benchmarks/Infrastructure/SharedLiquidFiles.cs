namespace OrchardPortal.Liquid.Benchmarks.Infrastructure;

/// <summary>
/// Finds the shared Liquid inputs (<c>shared/liquid/bench</c> and golden-liquid's benchmark fixtures)
/// at run time. CI clones the repository with <c>shared/</c> beside it, so we walk up from the
/// running assembly instead of copying the files into this repository: the benchmarks always
/// measure exactly the templates the issue names, and nobody edits a private copy by accident.
/// </summary>
public static class SharedLiquidFiles
{
    private static readonly Lazy<string> Root = new(FindSharedLiquidDirectory);

    /// <summary><c>shared/liquid/bench</c>: product.liquid, product.mustache, blogpost.liquid.</summary>
    public static string BenchDirectory => Path.Combine(Root.Value, "bench");

    /// <summary><c>shared/liquid/golden-liquid/benchmark_fixtures</c>: one folder per fixture.</summary>
    public static string FixturesDirectory => Path.Combine(Root.Value, "golden-liquid", "benchmark_fixtures");

    public static string ReadBenchFile(string fileName) => File.ReadAllText(Path.Combine(BenchDirectory, fileName));

    private static string FindSharedLiquidDirectory()
    {
        // BenchmarkDotNet runs each benchmark from a generated project below our bin folder,
        // so the walk also works from there.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "liquid");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/liquid' directory above {AppContext.BaseDirectory}. Clone the shared inputs beside the repository (…/shared next to …/main).");
    }
}
