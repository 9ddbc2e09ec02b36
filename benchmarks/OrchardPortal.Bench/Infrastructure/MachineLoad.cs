using System.Diagnostics;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>
/// How busy the machine is, and how much CPU a piece of work used. On a shared 2-core machine wall-clock
/// times stretch with other people's builds; CPU time per operation stretches much less, so both are shown.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1/5/15-minute load averages, e.g. "3.10 2.55 1.90".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>CPU time (user + system) this process has used so far.</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
