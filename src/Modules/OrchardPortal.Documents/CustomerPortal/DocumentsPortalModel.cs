using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Media;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Services;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Documents.CustomerPortal;

/// <summary>The Documents view's model (see docs/documents.md): the customer's list and the upload form.</summary>
public sealed class DocumentsPortalModel(DocumentService documents, DocumentOptions options, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public async Task FillAsync(PortalCustomer customer, IDictionary<string, object?> model, string? error, string? notice, string? title, CancellationToken cancellationToken)
    {
        var list = await documents.ListForCustomerAsync(customer.CustomerId, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        model["documents"] = list.Select(Describe).ToList();
        model["upload"] = new Dictionary<string, object?>
        {
            ["action"] = DocumentPaths.Portal,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
            ["max_size"] = FileSystemMediaStore.FormatSize(options.MaxUploadBytes),
            ["max_bytes"] = options.MaxUploadBytes,
            ["accept"] = DocumentTypes.Accept,
            ["allowed_types"] = DocumentTypes.AllowedList,
            ["title"] = title ?? "",
            ["error"] = error,
            ["notice"] = notice,
        };
    }

    private static Dictionary<string, object?> Describe(Document document) => new()
    {
        ["id"] = document.Id,
        ["title"] = document.Title,
        ["file_name"] = document.FileName,
        ["type"] = DocumentTypes.LabelFor(document.ContentType),
        ["size"] = FileSystemMediaStore.FormatSize(document.Length),
        ["uploaded_at"] = document.UploadedUtc.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        ["from_us"] = document.Source == DocumentSource.Staff,
        ["for_everyone"] = document.CustomerId is null,
        ["uploaded_by"] = document.Source == DocumentSource.Customer ? document.UploadedBy : null,
        ["url"] = DocumentPaths.PortalDownload(document.Id),
    };
}
