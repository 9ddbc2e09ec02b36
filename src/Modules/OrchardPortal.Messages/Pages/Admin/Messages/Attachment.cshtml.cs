using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Services;

namespace OrchardPortal.Messages.Pages.Admin.Messages;

/// <summary>Staff download any message attachment of their tenant, with the same safe headers customers get.</summary>
[SiteScope(Site.Tenant)]
public sealed class MessageAttachmentModel(MessageService messages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await messages.FindAttachmentAsync(id, cancellationToken) is not { } attachment
            || await messages.OpenAsync(attachment, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        AttachmentResponse.ApplyHeaders(Response, attachment);
        return File(stream, attachment.ContentType);
    }
}
