using System.Diagnostics;

namespace OrchardPortal.Testing;

/// <summary>
/// Makes sure a server a fixture started never outlives the test process, however it ends.
/// </summary>
internal static class ExitCleanup
{
    /// <summary>
    /// Runs <paramref name="onExit"/> when the process exits normally, and starts a detached
    /// watchdog that runs <paramref name="watchdogScript"/> (bash) once this process is gone. The
    /// watchdog covers what ProcessExit cannot: a test host killed by the blame-hang timeout or by
    /// SIGKILL. It is started with <c>setsid -f</c> so it leaves the test host's process tree and
    /// survives a kill of that tree. Both paths must be idempotent: on a normal exit both run.
    /// </summary>
    public static void Register(Action onExit, string watchdogScript)
    {
        StartWatchdog(watchdogScript);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                onExit();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
            {
                // Nothing useful can be reported this late; the watchdog retries the cleanup.
                Console.Error.WriteLine($"[OrchardPortal.Testing] cleanup at exit failed: {exception.Message}");
            }
        };
    }

    /// <summary>Quotes a value for a bash script.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void StartWatchdog(string script)
    {
        const string Loop =
            "exec </dev/null >/dev/null 2>&1; " +
            "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; " +
            "eval \"$1\"";
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in new[] { "-f", "bash", "-c", Loop, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), script })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start the cleanup watchdog (setsid).");
        // setsid -f forks and returns at once; the watchdog lives on in its own session.
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
