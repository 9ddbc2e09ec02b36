using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for what maildev cannot do: refuse recipients for good
/// ("550 no such mailbox") while <see cref="Rejecting"/> says so, and tell its mail apart from
/// maildev's. Accepted messages are kept whole in <see cref="Received"/>.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Recipients for which RCPT TO gets "550"; everything else is accepted.</summary>
    public Func<string, bool> Rejecting { get; set; } = _ => false;

    /// <summary>Every accepted message: envelope recipients and the raw DATA.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, string Data)> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake-smtp ready");
                var recipients = new List<string>();
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 fake-smtp");
                            break;
                        case "MAIL":
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd('>');
                            if (Rejecting(address))
                            {
                                await writer.WriteLineAsync($"550 5.1.1 <{address}>: no such mailbox here");
                            }
                            else
                            {
                                recipients.Add(address);
                                await writer.WriteLineAsync("250 OK");
                            }

                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go ahead");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.AppendLine(dataLine);
                            }

                            Received.Enqueue((recipients.ToList(), data.ToString()));
                            await writer.WriteLineAsync("250 queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up or the server is stopping.
            }
        }
    }
}
