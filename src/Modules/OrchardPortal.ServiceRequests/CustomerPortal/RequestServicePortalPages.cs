using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Documents.Storage;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Photos;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>
/// The Request service tab's other URLs: sending a request (with photos), one request with its status and
/// the office's messages, and its photos. Each passes the tab's access rule first; a request that is not
/// the signed-in customer's answers exactly like one that does not exist.
/// </summary>
public sealed class RequestServicePortalPages(
    PortalAccess access,
    IThemeRenderer renderer,
    ServiceRequestService requests,
    UploadRequestReader reader,
    PhotoOptions options,
    RequestServiceModel form,
    IDocumentStore store,
    IHttpContextAccessor http)
{
    public async Task<IResult> SubmitAsync(CancellationToken cancellationToken)
    {
        var (customer, refusal) = await access.CheckAsync(PortalTabs.RequestService, ServiceRequestPaths.PortalRequests, cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var read = await reader.ReadAsync(http.HttpContext!, options.MaxRequestBytes, cancellationToken);
        if (!read.Succeeded)
        {
            var message = read.StatusCode == StatusCodes.Status413PayloadTooLarge ? PhotoReader.TooBigMessage(options, null) : read.Error!;
            return await RenderFormAsync(customer, new RequestFormValues(), new Dictionary<string, string> { [""] = message }, read.StatusCode, cancellationToken);
        }

        var posted = read.Form!;
        var values = new RequestFormValues(
            posted["Service"].ToString(), posted["Description"].ToString(), posted["PropertyId"].ToString(), posted["PreferredFrom"].ToString(),
            posted["PreferredTo"].ToString(), posted["PreferredTime"].ToString(), posted["Notes"].ToString());
        var photos = posted.Files.GetFiles("Photos").Select(f => new UploadedPhoto(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var result = await requests.SubmitAsync(
            new NewServiceRequest(customer.CustomerId, PortalAccess.Who(customer), customer.UserEmail, values.Service, values.Description, values.PropertyId,
                values.PreferredFrom, values.PreferredTo, values.PreferredTime, values.Notes, photos),
            cancellationToken);
        if (result.NotFound)
        {
            return await access.NotFoundAsync(cancellationToken);
        }

        if (!result.Succeeded)
        {
            var status = result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return await RenderFormAsync(customer, values, result.Errors, status, cancellationToken);
        }

        return Results.Redirect(ServiceRequestPaths.PortalRequests + "?sent=1");
    }

    public async Task<IResult> DetailAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await access.CheckAsync(PortalTabs.RequestService, ServiceRequestPaths.PortalRequest(id), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        if (await requests.GetForCustomerAsync(customer.CustomerId, id, cancellationToken) is not { } request)
        {
            return await access.NotFoundAsync(cancellationToken);
        }

        var model = RequestServiceModel.Describe(request);
        model["description"] = request.Description;
        model["notes"] = request.Notes;
        model["photos"] = request.Photos.Select(p => new Dictionary<string, object?>
        {
            ["url"] = ServiceRequestPaths.PortalRequestPhoto(request.Id, p.Id),
            ["file_name"] = p.FileName,
        }).ToList();
        model["updates"] = request.Updates.Select(u => new Dictionary<string, object?>
        {
            ["status_label"] = StatusText.Label(u.Status),
            ["message"] = u.Message,
            ["by"] = u.StaffName,
            ["at"] = u.CreatedUtc.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        }).ToList();
        return await renderer.RenderPageAsync("ServiceRequest", new Dictionary<string, object?> { ["request"] = model },
            new ThemePageOptions { Title = $"Request {request.Id.ToString(CultureInfo.InvariantCulture)}: {request.ServiceName}" }, cancellationToken);
    }

    public async Task<IResult> PhotoAsync(long id, long photoId, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await access.CheckAsync(PortalTabs.RequestService, ServiceRequestPaths.PortalRequestPhoto(id, photoId), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var photo = (await requests.GetForCustomerAsync(customer.CustomerId, id, cancellationToken))?.Photos.FirstOrDefault(p => p.Id == photoId);
        if (photo is null || await store.OpenReadAsync(photo.StorageId, cancellationToken) is not { } stream)
        {
            return await access.NotFoundAsync(cancellationToken);
        }

        PhotoResponse.ApplyHeaders(http.HttpContext!.Response, photo);
        return Results.Stream(stream, photo.ContentType);
    }

    private async Task<IResult> RenderFormAsync(PortalCustomer customer, RequestFormValues values, IReadOnlyDictionary<string, string> errors, int status, CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, object?>();
        await form.FillAsync(customer, model, values, errors, notice: null, cancellationToken);
        return await renderer.RenderPageAsync(PortalTabs.RequestService.View, model,
            new ThemePageOptions { Title = PortalTabs.RequestService.Title, StatusCode = status }, cancellationToken);
    }
}
