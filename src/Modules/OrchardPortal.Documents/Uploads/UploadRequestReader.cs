using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OrchardPortal.Core.Media;

namespace OrchardPortal.Documents.Uploads;

/// <summary>A posted upload form, or why it could not be read.</summary>
public sealed record UploadForm(IFormCollection? Form, string? Error, int StatusCode)
{
    public bool Succeeded => Form is not null;
}

/// <summary>
/// Reads an upload form for both the staff page and the portal, with our own limits and our own
/// antiforgery check, so that a request over the limit or with a stale token becomes a message on the
/// page (413/400) rather than the framework's bare 400 or a 500. Nothing is stored before this succeeds.
/// </summary>
public sealed class UploadRequestReader(IAntiforgery antiforgery, DocumentOptions options)
{
    public const string StaleFormMessage = "This page was open too long, so for your security nothing was uploaded. Please choose the file and send it again.";

    public Task<UploadForm> ReadAsync(HttpContext context, CancellationToken cancellationToken) =>
        ReadAsync(context, options.MaxRequestBytes, cancellationToken);

    /// <summary>
    /// The same, with another module's read limit (e.g. service requests with several photos). A 413 then
    /// carries <see cref="TooBigMessage"/>'s document wording; callers with their own limit say their own.
    /// </summary>
    public async Task<UploadForm> ReadAsync(HttpContext context, long maxRequestBytes, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return new UploadForm(null, "Choose a file to upload.", StatusCodes.Status400BadRequest);
        }

        // Already read (by model binding): nothing more to limit, only the token to check.
        if (context.Features.Get<IFormFeature>()?.Form is { } alreadyRead)
        {
            return await ValidateAsync(context, alreadyRead);
        }

        // Kestrel's limit applies to the whole body; the form limit to the multipart sections. Both are
        // raised (or lowered) to ours before anything reads the body.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxRequestBytes;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = maxRequestBytes,
        }));

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException || (exception is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            return new UploadForm(null, TooBigMessage(null), StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException)
        {
            return new UploadForm(null, "The upload didn't arrive completely. Please try again.", StatusCodes.Status400BadRequest);
        }

        return await ValidateAsync(context, form);
    }

    private async Task<UploadForm> ValidateAsync(HttpContext context, IFormCollection form)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return new UploadForm(null, StaleFormMessage, StatusCodes.Status400BadRequest);
        }

        return new UploadForm(form, null, StatusCodes.Status200OK);
    }

    /// <summary>"“x.pdf” is 14 MB, and documents can be at most 10 MB."</summary>
    public string TooBigMessage(string? fileName, long? size = null)
    {
        var what = fileName is null ? "That file is too big:" : size is null ? $"“{fileName}” is too big:" : $"“{fileName}” is {FileSystemMediaStore.FormatSize(size.Value)}, and";
        return $"{what} documents can be at most {FileSystemMediaStore.FormatSize(options.MaxUploadBytes)}. Make it smaller (for example, scan or export it at a lower resolution) and try again.";
    }
}
