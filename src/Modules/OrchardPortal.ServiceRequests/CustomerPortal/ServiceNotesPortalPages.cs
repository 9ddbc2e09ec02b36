using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Notes;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>Sending a service note from the Service notes tab (the same access rule as the tab itself).</summary>
public sealed class ServiceNotesPortalPages(
    PortalAccess access, IThemeRenderer renderer, ServiceNoteService notes, UploadRequestReader reader, ServiceNotesModel model, IHttpContextAccessor http)
{
    /// <summary>A note is a few lines of text: anything bigger than this is not a note form.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    public async Task<IResult> SubmitAsync(CancellationToken cancellationToken)
    {
        var (customer, refusal) = await access.CheckAsync(PortalTabs.ServiceNotes, ServiceRequestPaths.PortalNotes, cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        // Read with our own antiforgery check, so a stale page is a message on the page rather than a bare 400.
        var read = await reader.ReadAsync(http.HttpContext!, MaxRequestBytes, cancellationToken);
        if (!read.Succeeded)
        {
            var message = read.StatusCode == StatusCodes.Status413PayloadTooLarge ? "That note is far too long. Keep it to a few paragraphs." : read.Error!;
            return await RenderAsync(customer, new NoteFormValues(), new Dictionary<string, string> { [""] = message }, read.StatusCode, cancellationToken);
        }

        var posted = read.Form!;
        var values = new NoteFormValues(posted["PropertyId"].ToString(), posted["VisitId"].ToString(), posted["Body"].ToString());
        var result = await notes.SubmitAsync(
            new NewServiceNote(customer.CustomerId, PortalAccess.Who(customer), customer.UserEmail, values.PropertyId, values.VisitId, values.Body), cancellationToken);
        if (result.NotFound)
        {
            return await access.NotFoundAsync(cancellationToken);
        }

        return result.Succeeded
            ? Results.Redirect(ServiceRequestPaths.PortalNotes + "?sent=1")
            : await RenderAsync(customer, values, result.Errors, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IResult> RenderAsync(PortalCustomer customer, NoteFormValues values, IReadOnlyDictionary<string, string> errors, int status, CancellationToken cancellationToken)
    {
        var page = new Dictionary<string, object?>();
        await model.FillAsync(customer, page, values, errors, notice: null, cancellationToken);
        return await renderer.RenderPageAsync(PortalTabs.ServiceNotes.View, page, new ThemePageOptions { Title = PortalTabs.ServiceNotes.Title, StatusCode = status }, cancellationToken);
    }
}
