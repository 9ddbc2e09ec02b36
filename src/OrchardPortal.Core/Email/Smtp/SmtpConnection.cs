using System.Globalization;
using System.Net.Mail;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace OrchardPortal.Core.Email.Smtp;

/// <summary>
/// One open, greeted and (when configured) encrypted and authenticated SMTP session (RFC 5321) that can
/// carry many messages, one transaction at a time. Not thread-safe: the pool hands it to one sender at a time.
/// </summary>
/// <remarks>
/// Our own client instead of <see cref="SmtpClient"/>: the BCL client opens, greets and quits a new
/// connection for every message, and many servers (maildev among them: ~100 ms here) spend far longer on
/// a new connection than on a message. Reusing sessions is what makes thousands of invitations quick
/// without having many messages in flight at once.
/// </remarks>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private Stream _stream;
    private SmtpReplyReader _reader;
    private HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);

    private SmtpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new SmtpReplyReader(_stream);
        OpenedUtc = DateTimeOffset.UtcNow;
    }

    public DateTimeOffset OpenedUtc { get; }

    /// <summary>When the last transaction ended; the pool closes sessions idle for too long.</summary>
    public DateTimeOffset LastUsedUtc { get; private set; } = DateTimeOffset.UtcNow;

    public int MessagesSent { get; private set; }

    /// <summary>Connects, reads the greeting, says EHLO, upgrades with TLS and logs in as <paramref name="options"/> say.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            await tcp.ConnectAsync(options.Host!, options.Port, cancellationToken);
            connection = new SmtpConnection(tcp);
            if (options.EffectiveTlsMode == SmtpTlsMode.SslOnConnect)
            {
                await connection.UpgradeAsync(options, cancellationToken);
            }

            await connection.ExpectAsync(null, 220, cancellationToken);
            await connection.HelloAsync(cancellationToken);
            if (options.EffectiveTlsMode == SmtpTlsMode.StartTls)
            {
                if (!connection._extensions.Contains("STARTTLS"))
                {
                    throw new SmtpException(SmtpStatusCode.CommandNotImplemented, $"{options.Host} does not offer STARTTLS, and the settings require an encrypted connection.");
                }

                await connection.ExpectAsync("STARTTLS", 220, cancellationToken);
                await connection.UpgradeAsync(options, cancellationToken);
                await connection.HelloAsync(cancellationToken);
            }

            if (!string.IsNullOrEmpty(options.UserName))
            {
                await connection.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            }

            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// One transaction: MAIL, RCPT, DATA. Throws <see cref="SmtpDeliveryException"/> saying whether the
    /// message body had been handed over (only then could the server have kept a copy).
    /// </summary>
    public async Task SendAsync(string from, string to, byte[] data, CancellationToken cancellationToken)
    {
        var utf8 = !IsAscii(from) || !IsAscii(to);
        if (utf8 && !_extensions.Contains("SMTPUTF8"))
        {
            throw new SmtpDeliveryException(new PermanentEmailFailureException($"The mail server cannot take the non-ASCII address {to} (no SMTPUTF8)."), bodySent: false);
        }

        var bodySent = false;
        try
        {
            await ExpectAsync($"MAIL FROM:<{from}>{(utf8 ? " SMTPUTF8" : string.Empty)}", 250, cancellationToken);
            var recipient = await CommandAsync($"RCPT TO:<{to}>", cancellationToken);
            if (recipient.Code is not (250 or 251))
            {
                throw new SmtpFailedRecipientException((SmtpStatusCode)recipient.Code, to, recipient.Text);
            }

            await ExpectAsync("DATA", 354, cancellationToken);
            bodySent = true;
            await WriteDataAsync(data, cancellationToken);
            var accepted = await _reader.ReadAsync(cancellationToken);
            if (accepted.Code != 250)
            {
                throw accepted.ToException("DATA");
            }

            MessagesSent++;
            LastUsedUtc = DateTimeOffset.UtcNow;
        }
        catch (Exception exception) when (exception is not SmtpDeliveryException)
        {
            throw new SmtpDeliveryException(exception, bodySent);
        }
    }

    /// <summary>Ends a refused transaction so the session can carry the next message; false when the session is unusable.</summary>
    public async Task<bool> TryResetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await CommandAsync("RSET", cancellationToken)).Code == 250;
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or SmtpException or ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await WriteLineAsync("QUIT", quit.Token);
            await _reader.ReadAsync(quit.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or SmtpException or ObjectDisposedException)
        {
            // Already gone: nothing to say goodbye to.
        }

        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("EHLO " + ClientName(), cancellationToken);
        if (reply.Code != 250)
        {
            throw reply.ToException("EHLO");
        }

        // The first line is the server's name; each further line is one extension and its parameters.
        _extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in reply.Lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                _extensions.Add(parts[0]);
                foreach (var parameter in parts.Skip(1))
                {
                    _extensions.Add(parts[0] + " " + parameter);
                }
            }
        }
    }

    private async Task AuthenticateAsync(string user, string password, CancellationToken cancellationToken)
    {
        if (_extensions.Contains("AUTH PLAIN"))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + password));
            await ExpectAsync("AUTH PLAIN " + token, 235, cancellationToken);
        }
        else if (_extensions.Contains("AUTH LOGIN"))
        {
            await ExpectAsync("AUTH LOGIN", 334, cancellationToken);
            await ExpectAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), 334, cancellationToken);
            await ExpectAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), 235, cancellationToken);
        }
        else
        {
            throw new SmtpException(SmtpStatusCode.CommandNotImplemented, "The mail server does not offer a login method we support (AUTH PLAIN or LOGIN). Check the port and encryption settings.");
        }
    }

    private async Task UpgradeAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host, RemoteCertificateValidationCallback = options.CertificateValidation }, cancellationToken);
        _stream = ssl;
        _reader = new SmtpReplyReader(ssl);
    }

    private async Task ExpectAsync(string? command, int code, CancellationToken cancellationToken)
    {
        var reply = command is null ? await _reader.ReadAsync(cancellationToken) : await CommandAsync(command, cancellationToken);
        if (reply.Code != code)
        {
            throw reply.ToException(command is null ? "greeting" : command.Split(' ')[0]);
        }
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await WriteLineAsync(command, cancellationToken);
        return await _reader.ReadAsync(cancellationToken);
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>The message with dot-stuffing (a line starting with "." gets a second one), then CRLF.CRLF.</summary>
    private async Task WriteDataAsync(byte[] data, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(data.Length + 64);
        var lineStart = true;
        foreach (var b in data)
        {
            if (lineStart && b == (byte)'.')
            {
                buffer.WriteByte((byte)'.');
            }

            buffer.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            buffer.Write("\r\n"u8);
        }

        buffer.Write(".\r\n"u8);
        await _stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private static string ClientName()
    {
        var name = System.Net.Dns.GetHostName();
        return string.IsNullOrWhiteSpace(name) || !IsAscii(name) || name.Contains(' ', StringComparison.Ordinal) ? "[127.0.0.1]" : name;
    }

    private static bool IsAscii(string value) => value.All(c => c < 128);
}

/// <summary>A failed transaction, and whether the server had been given the body when it failed.</summary>
internal sealed class SmtpDeliveryException(Exception inner, bool bodySent)
    : Exception(inner.Message, inner)
{
    /// <summary>False: the server cannot have kept the message, so trying again elsewhere cannot make a second copy.</summary>
    public bool BodySent { get; } = bodySent;
}

/// <summary>One (possibly multi-line) reply: the code and the text of each line.</summary>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public string Text => string.Join(" ", Lines);

    public SmtpException ToException(string command) => new(
        (SmtpStatusCode)Code,
        string.Create(CultureInfo.InvariantCulture, $"The mail server answered {Code} to {command}: {Text}"));
}
