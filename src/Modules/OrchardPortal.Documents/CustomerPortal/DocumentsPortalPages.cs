using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Documents.Downloads;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Services;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Documents.CustomerPortal;

/// <summary>
/// The customer's uploads and downloads. Each request passes the same rule as the tab itself (enabled
/// for the tenant, visible to this customer, permitted to this user); the customer is always the
/// signed-in one, never an id from the form or URL. A document that is not theirs (nor for everyone)
/// answers exactly like one that does not exist.
/// </summary>
public sealed class DocumentsPortalPages(
    ICurrentPortalCustomer current,
    IPortalAccessPolicy policy,
    PortalPages portal,
    IThemeRenderer renderer,
    DocumentService documents,
    UploadRequestReader reader,
    DocumentsPortalModel model,
    IHttpContextAccessor http)
{
    public async Task<IResult> UploadAsync(CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(DocumentPaths.Portal, cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var context = http.HttpContext!;
        var form = await reader.ReadAsync(context, cancellationToken);
        if (!form.Succeeded)
        {
            return await RenderAsync(customer, form.Error!, null, form.StatusCode, cancellationToken);
        }

        var file = form.Form!.Files.GetFile("File");
        var title = form.Form["Title"].ToString();
        await using var content = file?.OpenReadStream();
        var result = await documents.UploadAsync(
            new DocumentUpload(customer.CustomerId, title, file?.FileName, content, file?.Length, DocumentSource.Customer, customer.UserName ?? customer.UserEmail ?? customer.Name),
            cancellationToken);
        if (!result.Succeeded)
        {
            var status = result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return await RenderAsync(customer, result.Error!, title, status, cancellationToken);
        }

        return Results.Redirect(DocumentPaths.Portal + "?uploaded=1");
    }

    public async Task<IResult> DownloadAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(DocumentPaths.PortalDownload(id), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        if (await documents.FindForCustomerAsync(id, customer.CustomerId, cancellationToken) is not { } document
            || await documents.OpenReadAsync(document, cancellationToken) is not { } stream)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        DocumentResponse.ApplyHeaders(http.HttpContext!.Response, document);
        return Results.Stream(stream, document.ContentType);
    }

    private async Task<IResult> RenderAsync(PortalCustomer customer, string error, string? title, int status, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>();
        await model.FillAsync(customer, values, error, notice: null, title, cancellationToken);
        return await renderer.RenderPageAsync(PortalTabs.Documents.View, values, new ThemePageOptions { Title = PortalTabs.Documents.Title, StatusCode = status }, cancellationToken);
    }

    // The signed-in customer when the Documents tab is theirs to use; otherwise what to answer instead.
    private async Task<(PortalCustomer? Customer, IResult? Refusal)> AllowedCustomerAsync(string returnPath, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        var decision = await policy.CheckTabForAsync(customer, PortalTabs.Documents.Key, cancellationToken);
        switch (decision)
        {
            case PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted:
                return (null, await portal.NotFoundAsync(cancellationToken));
            case PortalAccessDecision.PortalDenied:
                return (null, await renderer.RenderPageAsync("AccessDenied", new Dictionary<string, object?>(),
                    new ThemePageOptions { Title = "Portal unavailable", StatusCode = StatusCodes.Status403Forbidden }, cancellationToken));
        }

        return customer is null
            ? (null, Results.Redirect(PortalGlobalsProvider.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnPath)))
            : (customer, null);
    }
}
