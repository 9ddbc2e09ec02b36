using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Content.HeaderImage;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Media;

namespace OrchardPortal.Content.Pages.Admin.Branding.HeaderImage;

/// <summary>
/// Upload, see and remove the header image (logo or banner) shown above every portal page. The
/// file's type and size are read from the file itself; anything unusable is explained on the page.
/// </summary>
[SiteScope(Site.Tenant)]
// Files over the 2 MB limit must still arrive so the page can say how big they were; far larger
// requests are cut off by the server before they cost anything.
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
public sealed class HeaderImageModel(HeaderImageService headerImage) : PageModel
{
    private const long MaxRequestBytes = 32 * 1024 * 1024;

    public const string FieldName = "Upload";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public HeaderImageInfo? Current { get; private set; }

    public static string MaxSize => FileSystemMediaStore.FormatSize(HeaderImageService.MaxBytes);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Current = await headerImage.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return await FailAsync(Upload is null ? "Choose an image file to upload." : "That file is empty. Choose an image file and try again.", cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        var error = await headerImage.UploadAsync(Upload.FileName, stream, User.Identity?.Name ?? "", cancellationToken);
        if (error is not null)
        {
            return await FailAsync(error, cancellationToken);
        }

        TempData.Flash("Header image updated. It now appears at the top of your portal.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        TempData.Flash(await headerImage.RemoveAsync(cancellationToken) ? "Header image removed." : "There was no header image to remove.");
        return RedirectToPage();
    }

    public static string Describe(HeaderImageInfo image) =>
        $"{image.Width} × {image.Height} pixels · {FormatName(image.ContentType)} · {FileSystemMediaStore.FormatSize(image.Length)}";

    private static string FormatName(string contentType) => contentType switch
    {
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "image/gif" => "GIF",
        "image/webp" => "WebP",
        "image/svg+xml" => "SVG",
        _ => contentType,
    };

    private async Task<IActionResult> FailAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(FieldName, message);
        Current = await headerImage.GetAsync(cancellationToken);
        return Page();
    }
}
