using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrchardPortal.Testing;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>
/// The published OrchardPortal.Web.dll as a child process (<c>dotnet OrchardPortal.Web.dll</c>, as the
/// Dockerfile runs it), Production environment, bound to 127.0.0.1 only. <see cref="StartAsync"/>
/// returns once the host site has answered a real HTTP request, with the time from spawn to that answer.
/// </summary>
internal sealed class PortalProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    static PortalProcess()
    {
        // Whatever ends this run (an exception, Ctrl+C, the overall timeout), no server outlives it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Spawn to the first answered request (the host site's landing page).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>CPU time (user + system) the server had used when it first answered.</summary>
    public TimeSpan StartupCpuTime { get; private set; }

    /// <summary>CPU time (user + system) the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<PortalProcess> StartAsync(string webDll, BenchStorage storage, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        startInfo.ArgumentList.Add(webDll);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in storage.Settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        Running[process.Id] = process;
        var portal = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => portal.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await portal.WaitForFirstAnswerAsync(stopwatch, timeout, cancellationToken);
        }
        catch
        {
            portal.Dispose();
            throw;
        }

        return portal;
    }

    public void Dispose()
    {
        Stop(_process);
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private async Task WaitForFirstAnswerAsync(Stopwatch stopwatch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new PortalClient(Port, TimeSpan.FromSeconds(30));
        var url = client.Url("localhost", "/");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"OrchardPortal.Web exited with {_process.ExitCode} before answering:\n{Output}");
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"OrchardPortal.Web did not answer within {timeout.TotalSeconds:F0} s:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                await PortalClient.ReadAsync(response, cancellationToken);
                StartupTime = stopwatch.Elapsed;
                StartupCpuTime = CpuTime;
                if ((int)response.StatusCode is not (200 or 404))
                {
                    throw new InvalidOperationException($"The host site's first answer was {(int)response.StatusCode}:\n{Output}");
                }

                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: a refused loopback connect costs microseconds, so poll tightly.
                await Task.Delay(2, cancellationToken);
            }
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static void StopAll()
    {
        foreach (var process in Running.Values)
        {
            Stop(process);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
