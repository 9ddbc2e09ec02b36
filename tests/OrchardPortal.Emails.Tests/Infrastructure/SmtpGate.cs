using System.Net;
using System.Net.Sockets;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>
/// The SMTP address the app is given, relaying to a server behind it. <see cref="CloseAsync"/> stops it
/// the way a mail server is shut down: new connections are refused at once, a transaction under way
/// finishes, and an open session that starts a new one (MAIL) is told "421 shutting down" and closed.
/// A hard kill could land between the server storing a message and acknowledging it, which no client
/// can tell from a failure (the retry would be a second copy with the same Message-ID).
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<Task> _sessions = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private volatile bool _closing;
    private Task? _accepting;

    public SmtpGate(int port, int targetPort)
    {
        Port = port;
        _targetPort = targetPort;
    }

    public int Port { get; }

    /// <summary>How long each MAIL command waits before it is passed on: a slower server, so a test can stop it mid-batch.</summary>
    public TimeSpan MailDelay { get; set; }

    public void Open()
    {
        _closing = false;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Refuses new connections from now on and waits for the sessions under way to end.</summary>
    public async Task CloseAsync()
    {
        if (_listener is null)
        {
            return;
        }

        _closing = true;
        await _stop!.CancelAsync();
        _listener.Stop();
        await _accepting!;
        Task[] running;
        lock (_sessions)
        {
            running = [.. _sessions];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
        _listener = null;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_sessions)
            {
                _sessions.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _targetPort);
                var up = ForwardCommandsAsync(client.GetStream(), server.GetStream());
                var down = server.GetStream().CopyToAsync(client.GetStream());
                await Task.WhenAny(up, down);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                // Either side hung up.
            }
        }
    }

    /// <summary>Passes the client's lines on; outside a message body, once closing, a new transaction gets 421.</summary>
    private async Task ForwardCommandsAsync(Stream client, Stream server)
    {
        var buffer = new byte[16 * 1024];
        var pending = new List<byte>();
        var inData = false;
        int read;
        while ((read = await client.ReadAsync(buffer)) > 0)
        {
            pending.AddRange(buffer.AsSpan(0, read).ToArray());
            int newline;
            while ((newline = pending.IndexOf((byte)'\n')) >= 0)
            {
                var line = pending.GetRange(0, newline + 1).ToArray();
                pending.RemoveRange(0, newline + 1);
                var text = System.Text.Encoding.ASCII.GetString(line).TrimEnd('\r', '\n');
                if (inData)
                {
                    inData = text != ".";
                }
                else if (text.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase))
                {
                    if (_closing)
                    {
                        await client.WriteAsync("421 4.3.2 Shutting down\r\n"u8.ToArray());
                        return;
                    }

                    if (MailDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(MailDelay);
                    }
                }
                else if (text.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    inData = true;
                }

                await server.WriteAsync(line);
            }

            if (pending.Count > 8192 && inData)
            {
                // Body bytes without a line end yet: pass them on as they come.
                await server.WriteAsync(pending.ToArray());
                pending.Clear();
            }
        }
    }
}
