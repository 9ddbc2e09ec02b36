using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Data;

namespace OrchardPortal.Visits.Services;

/// <summary>The rules a visit must meet, as messages staff can act on, plus the location text it keeps.</summary>
public sealed class VisitValidator(CustomerService customers)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    public async Task<(Dictionary<string, string> Errors, string? Location)> ValidateAsync(ScheduleVisit request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var customer = await customers.GetAsync(request.CustomerId, cancellationToken);
        string? location = null;
        if (customer is null)
        {
            errors[nameof(ScheduleVisit.CustomerId)] = "Choose the customer the visit is for.";
        }
        else if (request.PropertyId is { } propertyId)
        {
            location = LocationOf(customer, propertyId);
            if (location is null)
            {
                errors[nameof(ScheduleVisit.PropertyId)] = "Choose one of this customer’s addresses.";
            }
        }
        else
        {
            // No property chosen: the customer's only service property (or only address) is the obvious one.
            var properties = customer.Addresses.Where(a => a.Kind == AddressKind.Service).ToList();
            properties = properties.Count > 0 ? properties : customer.Addresses;
            location = properties.Count == 1 ? LocationOf(customer, properties[0].Id) : null;
        }

        var service = request.ServiceName?.Trim() ?? "";
        if (service.Length == 0)
        {
            errors[nameof(ScheduleVisit.ServiceName)] = "Say what service the visit is for, such as “Lawn mowing”.";
        }
        else if (service.Length > VisitsModel.ServiceNameLength)
        {
            errors[nameof(ScheduleVisit.ServiceName)] = $"Keep the service name to {VisitsModel.ServiceNameLength} characters or fewer.";
        }

        if (request.WindowStartUtc is null)
        {
            errors[nameof(ScheduleVisit.WindowStartUtc)] = "Enter the date and the time the window starts.";
        }

        if (request.WindowEndUtc is null)
        {
            errors[nameof(ScheduleVisit.WindowEndUtc)] = "Enter the time the window ends.";
        }
        else if (request.WindowStartUtc is { } start && request.WindowEndUtc is { } end)
        {
            if (end <= start)
            {
                errors[nameof(ScheduleVisit.WindowEndUtc)] = "The window must end after it starts.";
            }
            else if (end - start > MaxWindow)
            {
                errors[nameof(ScheduleVisit.WindowEndUtc)] = "A visit’s window can be at most 24 hours; schedule separate visits for longer jobs.";
            }
        }

        CheckLength(errors, nameof(ScheduleVisit.CrewNotes), request.CrewNotes, "Crew notes");
        CheckLength(errors, nameof(ScheduleVisit.CustomerNotes), request.CustomerNotes, "Notes for the customer");
        return (errors, location);
    }

    /// <summary>The customer's address on one line ("Front yard — 418 Birchwood Lane, Maple Hollow"), or null if not theirs.</summary>
    public static string? LocationOf(Customer customer, long propertyId)
    {
        var address = customer.Addresses.FirstOrDefault(a => a.Id == propertyId);
        if (address is null)
        {
            return null;
        }

        var street = string.Join(", ", new[] { address.Line1, address.Line2, address.City, address.Region, address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var text = string.IsNullOrWhiteSpace(address.Label) ? street : $"{address.Label.Trim()} — {street}";
        return text.Length > VisitsModel.LocationLength ? text[..VisitsModel.LocationLength] : text;
    }

    private static void CheckLength(Dictionary<string, string> errors, string field, string? value, string label)
    {
        if (value is not null && value.Trim().Length > VisitsModel.NotesLength)
        {
            errors[field] = $"{label} can be at most {VisitsModel.NotesLength} characters.";
        }
    }
}
