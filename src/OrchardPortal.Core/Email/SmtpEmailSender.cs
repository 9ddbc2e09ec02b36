using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using OrchardPortal.Core.Email.Smtp;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Sends through an SMTP server with our own client (<see cref="SmtpConnection"/>), reusing open sessions
/// from <see cref="SmtpConnectionPool"/>. TLS is STARTTLS or implicit (<see cref="SmtpTlsMode.SslOnConnect"/>,
/// port 465); the server's certificate is always checked.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, MailAddress from) : IEmailSender
{
    private readonly SmtpConnectionPool _pool = SmtpConnectionPool.Shared;

    public async Task SendAsync(OutboundEmail message, Guid messageId, CancellationToken cancellationToken)
    {
        var data = MimeMessageWriter.Write(message, messageId, from, DateTimeOffset.UtcNow);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            // A pooled session may have been closed by the server since its last message. If it fails
            // before the body was handed over, the server cannot have kept a copy, so one more try on a
            // new session is safe; after the body, only the outbox's own retry (and its claim) decides.
            var reused = _pool.TakeIdle(options);
            if (reused is not null)
            {
                try
                {
                    await SendOnAsync(reused, message.To, data, timeout.Token);
                    return;
                }
                catch (SmtpDeliveryException failure) when (!failure.BodySent && IsConnectionTrouble(failure.InnerException))
                {
                    // Stale session: fall through to a new one.
                }
            }

            var connection = await SmtpConnection.OpenAsync(options, timeout.Token);
            await SendOnAsync(connection, message.To, data, timeout.Token);
        }
        catch (SmtpDeliveryException failure)
        {
            throw Translate(failure.InnerException!, message.To);
        }
        catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException
            || (exception is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            // Opening a session failed (it has no transaction to wrap the failure in): same messages as a send.
            throw Translate(exception, message.To);
        }
    }

    private async Task SendOnAsync(SmtpConnection connection, string to, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(from.Address, to, data, cancellationToken);
        }
        catch (SmtpDeliveryException failure)
        {
            // A refused message (a reply code) leaves a usable session once reset; anything else does not.
            if (failure.InnerException is SmtpException && !IsConnectionTrouble(failure.InnerException) && await connection.TryResetAsync(cancellationToken))
            {
                await _pool.ReturnAsync(options, connection);
            }
            else
            {
                await connection.DisposeAsync();
            }

            throw;
        }

        await _pool.ReturnAsync(options, connection);
    }

    // 421 is the server closing the session (shutting down, idle too long); the rest is the network.
    private static bool IsConnectionTrouble(Exception? exception) => exception switch
    {
        SmtpException smtp => smtp.StatusCode == SmtpStatusCode.ServiceNotAvailable,
        IOException or SocketException or ObjectDisposedException => true,
        _ => false,
    };

    private Exception Translate(Exception exception, string to) => exception switch
    {
        SmtpFailedRecipientException refused when IsPermanent(refused.StatusCode) =>
            new PermanentEmailFailureException($"The mail server refused {to}: {refused.Message}", refused),
        AuthenticationException => new SmtpException($"Could not set up an encrypted connection with {options.Host}:{options.Port} (is its certificate valid for that name?): {exception.Message}", exception),
        IOException or SocketException => new SmtpException($"Could not talk to the mail server {options.Host}:{options.Port}: {exception.Message}", exception),
        OperationCanceledException => new SmtpException($"The mail server {options.Host}:{options.Port} did not answer within {options.Timeout.TotalSeconds:0} seconds.", exception),
        _ => exception,
    };

    // 5xx replies about the mailbox mean "this will never work"; 4xx and connection trouble are retried.
    private static bool IsPermanent(SmtpStatusCode code) => code is SmtpStatusCode.MailboxUnavailable
        or SmtpStatusCode.MailboxNameNotAllowed
        or SmtpStatusCode.UserNotLocalTryAlternatePath
        or SmtpStatusCode.ExceededStorageAllocation;
}
