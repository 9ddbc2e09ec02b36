using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OrchardPortal.Core.Email.Smtp;

/// <summary>
/// Open SMTP sessions waiting for their next message, per server and login. Process-wide, like the
/// socket pool behind <c>HttpClient</c>: senders are cheap objects made per tenant and per settings
/// change, the sessions behind them are what is worth keeping.
/// </summary>
/// <remarks>
/// A session is only ever reused for the same host, port, encryption, user name and password (the
/// password enters the key as a hash), so a tenant's own server login never carries another tenant's
/// mail. Sessions idle longer than <see cref="IdleTimeout"/>, older than <see cref="MaxAge"/> or past
/// <see cref="MaxMessagesPerSession"/> are closed: servers drop idle clients and some cap messages per session.
/// </remarks>
internal sealed class SmtpConnectionPool : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int MaxMessagesPerSession = 100;
    private const int MaxIdlePerServer = 32;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SmtpConnection>> _idle = new(StringComparer.Ordinal);
    private readonly Timer _sweeper;

    private SmtpConnectionPool()
    {
        _sweeper = new Timer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    public static SmtpConnectionPool Shared { get; } = new();

    /// <summary>Stops sweeping; idle sessions are left to the server's own timeout. Only for pools other than <see cref="Shared"/>.</summary>
    public void Dispose() => _sweeper.Dispose();

    /// <summary>An idle session for these settings, or null when a new one must be opened.</summary>
    public SmtpConnection? TakeIdle(SmtpOptions options)
    {
        if (!_idle.TryGetValue(Key(options), out var queue))
        {
            return null;
        }

        while (queue.TryDequeue(out var connection))
        {
            if (IsFresh(connection, DateTimeOffset.UtcNow))
            {
                return connection;
            }

            _ = connection.DisposeAsync().AsTask();
        }

        return null;
    }

    /// <summary>Keeps a session that just finished a transaction cleanly, or closes it when it is used up.</summary>
    public async ValueTask ReturnAsync(SmtpOptions options, SmtpConnection connection)
    {
        var queue = _idle.GetOrAdd(Key(options), _ => new ConcurrentQueue<SmtpConnection>());
        if (queue.Count >= MaxIdlePerServer || !IsFresh(connection, DateTimeOffset.UtcNow))
        {
            await connection.DisposeAsync();
            return;
        }

        queue.Enqueue(connection);
    }

    private static bool IsFresh(SmtpConnection connection, DateTimeOffset now) =>
        connection.MessagesSent < MaxMessagesPerSession
        && now - connection.LastUsedUtc < IdleTimeout
        && now - connection.OpenedUtc < MaxAge;

    private async Task SweepAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var queue in _idle.Values)
        {
            // Take each session out once; fresh ones go back to the end of the queue.
            for (var i = queue.Count; i > 0 && queue.TryDequeue(out var connection); i--)
            {
                if (now - connection.LastUsedUtc < IdleTimeout - TimeSpan.FromSeconds(2))
                {
                    queue.Enqueue(connection);
                }
                else
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private static string Key(SmtpOptions options)
    {
        var password = options.Password is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.Password)));
        var check = options.CertificateValidation is null ? string.Empty : "custom-certificate-check";
        return string.Join('\n', options.Host, options.Port, options.EffectiveTlsMode, options.UserName, password, check);
    }
}
