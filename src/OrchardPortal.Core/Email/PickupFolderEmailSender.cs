using System.Net.Mail;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Writes each email as an <c>.eml</c> file into a folder (the tenant's <c>mail-pickup</c>) instead of
/// sending it: what a machine without an SMTP server gets, so mail is never silently dropped and a
/// developer can open it.
/// </summary>
public sealed class PickupFolderEmailSender(string folder, MailAddress from) : IEmailSender
{
    public string Folder => folder;

    public async Task SendAsync(OutboundEmail message, Guid messageId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var mail = MailMessageFactory.Create(message, messageId, from);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}
