using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Media;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Content.HomeEditor;

/// <summary>
/// Pictures inserted in the editor: stored in the tenant's media (<c>content/</c>) and referenced by
/// their <c>/media/...</c> URL. Answers JSON (<c>{ url, width, height }</c>) or problem details with a
/// message the editor shows. The form's antiforgery token is required, as on every POST.
/// </summary>
public static class EditorImageUploadEndpoint
{
    public const string MediaFolder = "content";
    public const long MaxBytes = 5 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(ContentPaths.EditorImageUpload, UploadAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant), new RequestSizeLimitAttribute(32 * 1024 * 1024))
            .RequireAuthorization(StaffAuth.StaffPolicy);

    private static async Task<IResult> UploadAsync(IFormFile? file, IMediaStore media, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Problem("Choose an image file to insert.");
        }

        await using var stream = file.OpenReadStream();
        var saved = await media.SaveImageAsync(MediaFolder, file.FileName, stream, MaxBytes, cancellationToken);
        return saved.Succeeded
            ? Results.Ok(new { url = saved.File!.Url, width = saved.Image!.Width, height = saved.Image.Height })
            : Problem(saved.Error!);
    }

    private static IResult Problem(string detail) =>
        Results.Problem(title: "That image can't be used", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
