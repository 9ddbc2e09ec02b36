using System.Diagnostics;
using OrchardPortal.Testing;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>Publishes OrchardPortal.Web (Release) for the child-process scenarios, unless one was given.</summary>
internal static class WebPublisher
{
    public static async Task<string> EnsurePublishedAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (options.WebDll is not null)
        {
            return File.Exists(options.WebDll) ? options.WebDll : throw new FileNotFoundException("--web-dll does not exist.", options.WebDll);
        }

        // Under this project's bin/ (git-ignored), so a run leaves nothing in the checkout.
        var output = RepositoryRoot.Combine("benchmarks", "OrchardPortal.Bench", "bin", "web-publish");
        var project = RepositoryRoot.Combine("src", "OrchardPortal.Web", "OrchardPortal.Web.csproj");
        Console.WriteLine($"Publishing OrchardPortal.Web (Release) to {output} ...");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        // No build servers left behind: the bench stops every process it starts.
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "OrchardPortal.Web.dll");
    }
}
