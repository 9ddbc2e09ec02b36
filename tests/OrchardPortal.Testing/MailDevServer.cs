using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace OrchardPortal.Testing;

/// <summary>
/// A maildev SMTP sink (npm <c>maildev@2.2.1</c> from <c>tools/maildev</c>) on free loopback
/// ports, shared by every test in the process and killed when the process exits. Tests run in
/// parallel against the one server, so a test should send to an address of its own and match on
/// it rather than assume the inbox holds only its mail.
/// </summary>
public sealed class MailDevServer
{
    private const int StartAttempts = 5;
    // Generous: on a loaded 2-core CI machine node alone can take several seconds to start.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly Lazy<Task<MailDevServer>> Shared =
        new(() => Task.Run(() => StartAsync(CancellationToken.None)), LazyThreadSafetyMode.ExecutionAndPublication);

    // One client for the process: the server lives as long as the process does.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private MailDevServer(int smtpPort, int webPort, TimeSpan startupTime)
    {
        SmtpPort = smtpPort;
        WebUri = new Uri($"http://127.0.0.1:{webPort.ToString(CultureInfo.InvariantCulture)}/");
        StartupTime = startupTime;
    }

    /// <summary>Always 127.0.0.1.</summary>
    public string SmtpHost { get; } = "127.0.0.1";

    /// <summary>Plain SMTP, no TLS, no authentication.</summary>
    public int SmtpPort { get; }

    /// <summary>Web UI and REST API, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri WebUri { get; }

    /// <summary>How long start-up took until the API answered.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The process-wide server, started on first call; a failed start is cached.</summary>
    public static Task<MailDevServer> GetAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    /// <summary>Every message maildev holds right now, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = await Http.GetStreamAsync(new Uri(WebUri, "email"), cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.EnumerateArray().Select(ReceivedMail.Parse).ToArray();
    }

    /// <summary>
    /// Polls until at least one message satisfies <paramref name="match"/> and returns all that
    /// do. Throws <see cref="TimeoutException"/> listing what did arrive when none matches in time.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailAsync(
        Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var all = await GetAllAsync(cancellationToken);
            var matching = all.Where(match).ToArray();
            if (matching.Length > 0)
            {
                return matching;
            }

            if (deadline.Elapsed >= timeout)
            {
                var seen = all.Count == 0
                    ? "no mail at all"
                    : string.Join("; ", all.Select(m => $"'{m.Subject}' to {string.Join(",", m.To)}"));
                throw new TimeoutException($"No matching mail arrived within {timeout}; maildev holds {seen}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes every message. The server is shared by parallel tests, so only a test that owns
    /// the whole run (or runs in a non-parallel collection) should call this.
    /// </summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.DeleteAsync(new Uri(WebUri, "email/all"), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<MailDevServer> StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var executable = FindExecutable();
        var mailDirectory = Directory.CreateTempSubdirectory("orchardportal-maildev-").FullName;

        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePort.Next(2);
            var (smtpPort, webPort) = (ports[0], ports[1]);
            var output = new ConcurrentQueue<string>();
            var process = Launch(executable, smtpPort, webPort, mailDirectory, output);

            ExitCleanup.Register(
                () => StopAndDelete(process, mailDirectory),
                $"kill -9 {process.Id.ToString(CultureInfo.InvariantCulture)}; rm -rf {ExitCleanup.Quote(mailDirectory)}");

            var server = new MailDevServer(smtpPort, webPort, TimeSpan.Zero);
            if (await WaitUntilReadyAsync(server, process, cancellationToken))
            {
                return new MailDevServer(smtpPort, webPort, stopwatch.Elapsed);
            }

            var log = string.Join('\n', output);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            // Only a lost race for a port is worth another try; anything else is a real fault.
            if (attempt < StartAttempts && log.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                continue;
            }

            throw new InvalidOperationException(
                $"maildev ({executable}) did not become ready on SMTP {smtpPort} / web {webPort} within {ReadyTimeout}. Output:\n{log}");
        }
    }

    private static Process Launch(string executable, int smtpPort, int webPort, string mailDirectory, ConcurrentQueue<string> output)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = mailDirectory,
        };
        string[] arguments =
        [
            "--smtp", smtpPort.ToString(CultureInfo.InvariantCulture),
            "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--web-ip", "127.0.0.1",
            "--mail-directory", mailDirectory,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // maildev logs a line per message; keep the tail only, for start-up diagnostics.
    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200)
        {
            output.TryDequeue(out _);
        }
    }

    private static async Task<bool> WaitUntilReadyAsync(MailDevServer server, Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout && !process.HasExited)
        {
            try
            {
                // The web API can come up before the SMTP listener; wait for both.
                await server.GetAllAsync(cancellationToken);
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(server.SmtpHost, server.SmtpPort, cancellationToken);
                return true;
            }
            catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        return false;
    }

    private static void StopAndDelete(Process process, string mailDirectory)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        if (Directory.Exists(mailDirectory))
        {
            Directory.Delete(mailDirectory, recursive: true);
        }
    }

    private static string FindExecutable()
    {
        var overridden = Environment.GetEnvironmentVariable("ORCHARDPORTAL_MAILDEV");
        if (!string.IsNullOrEmpty(overridden))
        {
            return File.Exists(overridden)
                ? overridden
                : throw new InvalidOperationException($"ORCHARDPORTAL_MAILDEV={overridden} does not exist.");
        }

        var local = RepositoryRoot.Combine("tools", "maildev", "node_modules", ".bin", "maildev");
        return File.Exists(local)
            ? local
            : throw new InvalidOperationException(
                $"maildev is not installed at {local}. Run scripts/install-test-deps.sh (or `npm ci --prefix tools/maildev`).");
    }
}
