using System.Net;
using System.Net.Mail;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Sends through an SMTP server with the BCL client. TLS is STARTTLS only (<see cref="SmtpClient.EnableSsl"/>);
/// System.Net.Mail cannot speak implicit TLS (port 465), so <see cref="SmtpTlsMode.SslOnConnect"/> is refused
/// at start-up by the options validator.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, MailAddress from) : IEmailSender
{
    public async Task SendAsync(OutboundEmail message, Guid messageId, CancellationToken cancellationToken)
    {
        if (options.EffectiveTlsMode == SmtpTlsMode.SslOnConnect)
        {
            throw new PermanentEmailFailureException("Implicit TLS (SslOnConnect) is not supported by System.Net.Mail; configure StartTls.");
        }

        using var mail = MailMessageFactory.Create(message, messageId, from);
        // SmtpClient is not safe for concurrent sends and keeps little worth reusing, so one per message.
        using var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.EffectiveTlsMode == SmtpTlsMode.StartTls,
            Timeout = (int)options.Timeout.TotalMilliseconds,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpFailedRecipientException exception) when (IsPermanent(exception.StatusCode))
        {
            throw new PermanentEmailFailureException($"The mail server refused {message.To}: {exception.Message}", exception);
        }
    }

    // 5xx replies about the mailbox mean "this will never work"; 4xx and connection trouble are retried.
    private static bool IsPermanent(SmtpStatusCode code) => code is SmtpStatusCode.MailboxUnavailable
        or SmtpStatusCode.MailboxNameNotAllowed
        or SmtpStatusCode.UserNotLocalTryAlternatePath
        or SmtpStatusCode.ExceededStorageAllocation;
}
