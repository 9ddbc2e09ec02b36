using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Media;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Catalogue;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Photos;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>What the customer typed, sent back into the form after a refusal.</summary>
public sealed record RequestFormValues(
    string? Service = null, string? Description = null, string? PropertyId = null, string? PreferredFrom = null, string? PreferredTo = null, string? PreferredTime = null, string? Notes = null);

/// <summary>
/// The RequestService view's model (see docs/service-requests.md): the catalogue, the customer's
/// properties, the form (with what was typed and a message per field after a refusal) and their requests.
/// </summary>
public sealed class RequestServiceModel(
    ServiceCatalogService catalogue, ServiceRequestService requests, CustomerService customers, RequestFormRules rules, BillingContext billing,
    PhotoOptions options, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public async Task FillAsync(
        PortalCustomer customer, IDictionary<string, object?> model, RequestFormValues values, IReadOnlyDictionary<string, string>? errors, string? notice, CancellationToken cancellationToken)
    {
        var money = await billing.FormatterAsync(cancellationToken);
        var services = await catalogue.ListAsync(activeOnly: true, cancellationToken);
        var record = await customers.GetAsync(customer.CustomerId, cancellationToken);
        var properties = record is null ? [] : CustomerProperties.For(record);
        var today = await rules.TodayAsync(cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        errors ??= new Dictionary<string, string>();

        model["services"] = services.Select(s => new Dictionary<string, object?>
        {
            ["id"] = s.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["price"] = s.Price is { } p ? money(p) : null,
            ["quote_needed"] = s.Price is null,
            ["selected"] = values.Service == s.Id.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        model["properties"] = properties.Select(a => new Dictionary<string, object?>
        {
            ["id"] = a.Id.ToString(CultureInfo.InvariantCulture),
            ["text"] = CustomerProperties.Describe(a),
            ["selected"] = values.PropertyId == a.Id.ToString(CultureInfo.InvariantCulture) || (values.PropertyId is null && properties.Count == 1),
        }).ToList();
        model["form"] = new Dictionary<string, object?>
        {
            ["action"] = ServiceRequestPaths.PortalRequests,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
            ["something_else"] = NewServiceRequest.SomethingElse,
            ["something_else_selected"] = values.Service == NewServiceRequest.SomethingElse,
            ["description"] = values.Description ?? "",
            ["preferred_from"] = values.PreferredFrom ?? "",
            ["preferred_to"] = values.PreferredTo ?? "",
            ["preferred_time"] = string.IsNullOrEmpty(values.PreferredTime) ? nameof(PreferredTime.Any) : values.PreferredTime,
            ["times"] = Enum.GetValues<PreferredTime>().Select(t => new Dictionary<string, object?> { ["value"] = t.ToString(), ["label"] = RequestFormRules.TimeLabel(t) }).ToList(),
            ["notes"] = values.Notes ?? "",
            ["min_date"] = today.ToString(RequestFormRules.DateFormat, CultureInfo.InvariantCulture),
            ["max_date"] = today.AddDays(RequestFormRules.MaxDaysAhead).ToString(RequestFormRules.DateFormat, CultureInfo.InvariantCulture),
            ["max_photos"] = options.MaxPhotos,
            ["max_photo_size"] = FileSystemMediaStore.FormatSize(options.MaxPhotoBytes),
            ["accept"] = PhotoInspector.Accept,
            ["allowed_types"] = PhotoInspector.AllowedList,
            ["errors"] = new Dictionary<string, object?>
            {
                ["service"] = Error(errors, "Service"),
                ["description"] = Error(errors, "Description"),
                ["property_id"] = Error(errors, "PropertyId"),
                ["preferred_from"] = Error(errors, "PreferredFrom"),
                ["preferred_to"] = Error(errors, "PreferredTo"),
                ["preferred_time"] = Error(errors, "PreferredTime"),
                ["notes"] = Error(errors, "Notes"),
                ["photos"] = Error(errors, "Photos"),
            },
            ["error"] = errors.Count == 0 ? null : Error(errors, "") ?? "Please check the highlighted fields: nothing was sent yet.",
            ["notice"] = notice,
        };

        var list = await requests.ListForCustomerAsync(customer.CustomerId, cancellationToken);
        model["requests"] = list.Select(Describe).ToList();
    }

    public static Dictionary<string, object?> Describe(ServiceRequest request)
    {
        var latest = request.Updates.LastOrDefault(u => u.Message is not null);
        return new Dictionary<string, object?>
        {
            ["id"] = request.Id,
            ["number"] = request.Id.ToString(CultureInfo.InvariantCulture),
            ["service"] = request.ServiceName,
            ["status"] = request.Status.ToString().ToLowerInvariant(),
            ["status_label"] = StatusText.Label(request.Status),
            ["preferred"] = RequestFormRules.Describe(request.PreferredFrom, request.PreferredTo, request.PreferredTime),
            ["property"] = request.PropertyText,
            ["sent_at"] = request.CreatedUtc.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            ["latest_message"] = latest?.Message,
            ["url"] = ServiceRequestPaths.PortalRequest(request.Id),
        };
    }

    private static string? Error(IReadOnlyDictionary<string, string> errors, string key) => errors.TryGetValue(key, out var message) ? message : null;
}
