using System.Net;
using System.Net.Sockets;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>
/// The SMTP address the app is given, relaying to a server behind it. <see cref="CloseAsync"/> stops it
/// the way a mail server is shut down: new connections are refused at once, sessions already talking
/// finish. A hard kill could land between the server storing a message and acknowledging it, which no
/// client can tell from a failure (the retry would be a second copy with the same Message-ID).
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<Task> _sessions = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public SmtpGate(int port, int targetPort)
    {
        Port = port;
        _targetPort = targetPort;
    }

    public int Port { get; }

    public void Open()
    {
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
                var up = client.GetStream().CopyToAsync(server.GetStream());
                var down = server.GetStream().CopyToAsync(client.GetStream());
                await Task.WhenAny(up, down);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                // Either side hung up.
            }
        }
    }
}
