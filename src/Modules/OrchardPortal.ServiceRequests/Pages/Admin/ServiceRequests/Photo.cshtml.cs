using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Documents.Storage;
using OrchardPortal.ServiceRequests.Photos;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceRequests;

/// <summary>Staff see a request's photo (only of that request, only in their tenant), with the safe headers customers get.</summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceRequestPhotoModel(ServiceRequestService requests, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long photoId, CancellationToken cancellationToken)
    {
        var photo = (await requests.GetAsync(id, cancellationToken))?.Photos.FirstOrDefault(p => p.Id == photoId);
        if (photo is null || await store.OpenReadAsync(photo.StorageId, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        PhotoResponse.ApplyHeaders(Response, photo);
        return File(stream, photo.ContentType);
    }
}
