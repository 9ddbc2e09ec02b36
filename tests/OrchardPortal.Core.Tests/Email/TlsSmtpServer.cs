using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>
/// A small SMTP server on 127.0.0.1 with a self-signed certificate, for what maildev does not do here:
/// STARTTLS, implicit TLS (port 465 style) and logins. Records each accepted message with whether the
/// session was encrypted and who logged in.
/// </summary>
internal sealed class TlsSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private readonly bool _implicitTls;
    private readonly Task _accepting;

    public TlsSmtpServer(bool implicitTls, bool offerStartTls = true, string authMechanisms = "PLAIN LOGIN")
    {
        _implicitTls = implicitTls;
        OfferStartTls = offerStartTls;
        AuthMechanisms = authMechanisms;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool OfferStartTls { get; }

    public string AuthMechanisms { get; }

    public string User { get; init; } = "mailer";

    public string Password { get; init; } = "Correct-Horse-9";

    public ConcurrentQueue<(bool Encrypted, string? LoggedInAs, string To, string Data)> Received { get; } = new();

    /// <summary>Accepts this server's self-signed certificate (and nothing else).</summary>
    public bool Trusts(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString();

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
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
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
                Stream stream = client.GetStream();
                if (_implicitTls)
                {
                    stream = await EncryptAsync(stream);
                }

                using var session = new Session(stream, _implicitTls);
                await session.WriteAsync("220 tls-smtp ready");
                while (await session.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (!await HandleAsync(session, line))
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
            {
                // The client hung up, refused our certificate, or the server is stopping.
            }
        }
    }

    private async Task<bool> HandleAsync(Session session, string line)
    {
        var verb = line.Split(' ')[0].ToUpperInvariant();
        switch (verb)
        {
            case "EHLO":
                var lines = new List<string> { "tls-smtp" };
                if (OfferStartTls && !session.Encrypted)
                {
                    lines.Add("STARTTLS");
                }

                if (AuthMechanisms.Length > 0)
                {
                    lines.Add("AUTH " + AuthMechanisms);
                }

                for (var i = 0; i < lines.Count; i++)
                {
                    await session.WriteAsync((i < lines.Count - 1 ? "250-" : "250 ") + lines[i]);
                }

                return true;
            case "STARTTLS":
                await session.WriteAsync("220 go ahead");
                session.Upgrade(await EncryptAsync(session.Stream));
                return true;
            case "AUTH":
                return await AuthenticateAsync(session, line);
            case "MAIL":
                await session.WriteAsync("250 OK");
                return true;
            case "RCPT":
                session.To = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd('>');
                await session.WriteAsync("250 OK");
                return true;
            case "DATA":
                await session.WriteAsync("354 go ahead");
                var data = new StringBuilder();
                while (await session.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                {
                    data.Append(dataLine).Append('\n');
                }

                Received.Enqueue((session.Encrypted, session.LoggedInAs, session.To ?? string.Empty, data.ToString()));
                await session.WriteAsync("250 queued");
                return true;
            case "QUIT":
                await session.WriteAsync("221 bye");
                return false;
            default:
                await session.WriteAsync("250 OK");
                return true;
        }
    }

    private async Task<bool> AuthenticateAsync(Session session, string line)
    {
        var parts = line.Split(' ');
        string? user = null;
        string? password = null;
        if (parts.Length == 3 && parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
            (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }
        else if (parts.Length == 2 && parts[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            await session.WriteAsync("334 VXNlcm5hbWU6");
            user = Encoding.UTF8.GetString(Convert.FromBase64String(await session.ReadLineAsync(_stop.Token) ?? string.Empty));
            await session.WriteAsync("334 UGFzc3dvcmQ6");
            password = Encoding.UTF8.GetString(Convert.FromBase64String(await session.ReadLineAsync(_stop.Token) ?? string.Empty));
        }

        if (user == User && password == Password)
        {
            session.LoggedInAs = user;
            await session.WriteAsync("235 2.7.0 Authentication successful");
        }
        else
        {
            await session.WriteAsync("535 5.7.8 Authentication credentials invalid");
        }

        return true;
    }

    private async Task<Stream> EncryptAsync(Stream stream)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
        return ssl;
    }

    private sealed class Session(Stream stream, bool encrypted) : IDisposable
    {
        private StreamReader _reader = new(stream, Encoding.UTF8);

        public Stream Stream { get; private set; } = stream;

        public bool Encrypted { get; private set; } = encrypted;

        public string? LoggedInAs { get; set; }

        public string? To { get; set; }

        public void Upgrade(Stream encrypted)
        {
            Stream = encrypted;
            _reader = new StreamReader(encrypted, Encoding.UTF8);
            Encrypted = true;
        }

        public void Dispose() => _reader.Dispose();

        public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => _reader.ReadLineAsync(cancellationToken).AsTask();

        public async Task WriteAsync(string line)
        {
            await Stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
            await Stream.FlushAsync();
        }
    }
}
