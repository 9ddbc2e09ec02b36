using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using OrchardPortal.Testing;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>
/// A maildev of the test's own (never the shared one) that can be killed and started again on the same
/// SMTP port. It keeps every message as an <c>.eml</c> file in <see cref="MailDirectory"/>, which
/// survives restarts, so the test counts copies by reading files.
/// </summary>
public sealed class PrivateMailDev : IAsyncDisposable
{
    private readonly int _webPort;
    private Process? _process;

    private PrivateMailDev()
    {
        var ports = FreePort.Next(2);
        (SmtpPort, _webPort) = (ports[0], ports[1]);
        MailDirectory = Directory.CreateTempSubdirectory("orchardportal-private-maildev-").FullName;
    }

    public int SmtpPort { get; }

    public string MailDirectory { get; }

    public static async Task<PrivateMailDev> StartAsync()
    {
        var server = new PrivateMailDev();
        await server.RestartAsync();
        return server;
    }

    /// <summary>Kills the server at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) on the same ports and mail directory, and waits until SMTP answers.</summary>
    public async Task RestartAsync()
    {
        var executable = RepositoryRoot.Combine("tools", "maildev", "node_modules", ".bin", "maildev");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture), "--web", _webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", MailDirectory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start maildev.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", SmtpPort);
                return;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"maildev did not listen on SMTP port {SmtpPort} (exited: {_process.HasExited}).");
    }

    /// <summary>How many stored messages were addressed to each recipient containing <paramref name="marker"/>.</summary>
    public IReadOnlyDictionary<string, int> CountByRecipient(string marker)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(MailDirectory, "*.eml"))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue; // Still being written.
            }

            var to = text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && l.Contains(marker, StringComparison.Ordinal));
            if (to is not null)
            {
                var address = System.Text.RegularExpressions.Regex.Match(to, @"[^\s<>""]*" + System.Text.RegularExpressions.Regex.Escape(marker) + @"[^\s<>""]*").Value;
                counts[address] = counts.GetValueOrDefault(address) + 1;
            }
        }

        return counts;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }

        return ValueTask.CompletedTask;
    }
}
