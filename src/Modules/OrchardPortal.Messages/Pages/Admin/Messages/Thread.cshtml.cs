using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.Pages.Admin.Messages;

/// <summary>
/// One conversation for staff: the messages, a reply form with attachments, and close/reopen. Opening it
/// marks the customer's messages read for the office. Posts are read by the Documents module's
/// <see cref="UploadRequestReader"/> (our limits, our antiforgery check) so a refusal is a message here.
/// </summary>
[SiteScope(Site.Tenant)]
[IgnoreAntiforgeryToken] // Checked in OnPostAsync by UploadRequestReader, after the form is read with our limits.
public sealed class MessageThreadModel(
    MessageService messages, CustomerService customers, MessageSubjectResolver subjects, UploadRequestReader reader, AttachmentReader attachments, IPortalAccessPolicy policy)
    : PageModel
{
    public MessageThread Thread { get; private set; } = null!;

    public Customer? Customer { get; private set; }

    public MessageSubject? Subject { get; private set; }

    public IReadOnlyList<MessageView> Messages { get; private set; } = [];

    /// <summary>False when this customer cannot open Messages in the portal (tab off or hidden, portal denied).</summary>
    public bool CustomerCanRead { get; private set; }

    public string? Body { get; private set; }

    public string? Error { get; private set; }

    public AttachmentReader Attachments => attachments;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await messages.FindAsync(id, cancellationToken) is not { } thread)
        {
            return NotFound();
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            await messages.MarkReadAsync(thread, MessageAuthorKind.Staff, cancellationToken);
        }

        await LoadAsync(thread, cancellationToken);
        return Page();
    }

    // No parameters and no bound properties on purpose: anything MVC binds makes it read the form first,
    // with the framework's limits, before UploadRequestReader can apply ours. The id comes from the route.
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!long.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await messages.FindAsync(id, cancellationToken) is not { } thread)
        {
            return NotFound();
        }

        var read = await reader.ReadAsync(HttpContext, cancellationToken);
        if (!read.Succeeded)
        {
            return await FailAsync(thread, read.StatusCode == StatusCodes.Status413PayloadTooLarge ? attachments.TooBig(null) : read.Error!, read.StatusCode, cancellationToken);
        }

        var form = read.Form!;
        var action = form["Do"].ToString();
        if (action is "close" or "reopen")
        {
            await messages.SetClosedAsync(thread.Id, action == "close", cancellationToken);
            TempData.Flash(action == "close" ? "Conversation closed. It opens again if anyone writes in it." : "Conversation reopened.");
            return Redirect(MessagePaths.AdminThread(thread.Id));
        }

        Body = form["Body"];
        var result = await messages.ReplyAsync(thread, MessageAuthor.ForStaff(User), new MessageDraft(Body, [.. form.Files.GetFiles("Attachments")]), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailAsync(thread, result.Error!, result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, cancellationToken);
        }

        TempData.Flash("Message sent.");
        return Redirect(MessagePaths.AdminThread(thread.Id) + "#latest");
    }

    private async Task<IActionResult> FailAsync(MessageThread thread, string error, int status, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = status;
        await LoadAsync(thread, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(MessageThread thread, CancellationToken cancellationToken)
    {
        Thread = thread;
        Customer = await customers.GetAsync(thread.CustomerId, cancellationToken);
        Subject = await subjects.ResolveAsync(thread.CustomerId, thread.SubjectKind, thread.SubjectId, cancellationToken);
        Messages = await messages.MessagesAsync(thread.Id, cancellationToken);
        var customerKey = thread.CustomerId.ToString(CultureInfo.InvariantCulture);
        CustomerCanRead = await policy.CheckTabAsync(customerKey, PortalTabs.Messages.Key, cancellationToken) == PortalAccessDecision.Allowed;
    }
}
