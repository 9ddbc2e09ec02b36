using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Storage;
using OrchardPortal.ServiceRequests.Catalogue;
using OrchardPortal.ServiceRequests.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Photos;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Requests;

/// <summary>
/// Stores a customer's request: every field is checked first (all messages at once), then the photos are
/// saved, then the row and the office's emails commit together. If anything fails, the saved photos are
/// removed again, so a refused or failed request leaves nothing behind.
/// </summary>
public sealed class ServiceRequestSubmission(
    TenantDbContext db,
    ServiceCatalogService catalogue,
    CustomerService customers,
    RequestFormRules rules,
    PhotoOptions options,
    IDocumentStore store,
    ServiceRequestEmails emails,
    TimeProvider clock)
{
    public async Task<ServiceRequestResult> SubmitAsync(NewServiceRequest input, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(input.CustomerId, cancellationToken);
        if (customer is null)
        {
            return ServiceRequestResult.Missing(input.CustomerId);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var service = await ServiceAsync(input, errors, cancellationToken);
        var description = Text(input.Description, "Description", "description", errors);
        if (input.Service == NewServiceRequest.SomethingElse && description is null && !errors.ContainsKey("Description"))
        {
            errors["Description"] = "Tell us what you need done.";
        }

        var property = RequestFormRules.Property(customer, input.PropertyId, errors);
        var (from, to) = await rules.DatesAsync(input.PreferredFrom, input.PreferredTo, errors, cancellationToken);
        var time = RequestFormRules.Time(input.PreferredTime, errors);
        var notes = Text(input.Notes, "Notes", "notes", errors);
        var (photos, tooLarge) = await PhotoReader.ReadAsync(input.Photos, options, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceRequestResult.Invalid(errors, tooLarge);
        }

        var now = clock.GetUtcNow();
        var request = new ServiceRequest
        {
            CustomerId = customer.Id,
            CustomerName = Cut(customer.DisplayName, ServiceRequestsModel.LabelLength),
            CatalogItemId = service?.Id,
            ServiceName = service?.Name ?? "Something else",
            Price = service?.Price,
            Currency = service?.Price is null ? null : await rules.CurrencyAsync(cancellationToken),
            Description = description,
            PropertyId = property?.Id,
            PropertyText = property is null ? null : CustomerProperties.Describe(property, ServiceRequestsModel.LabelLength),
            PreferredFrom = from!.Value,
            PreferredTo = to,
            PreferredTime = time,
            Notes = notes,
            SubmittedBy = Cut(input.SubmittedBy, ServiceRequestsModel.PersonLength),
            SubmitterEmail = input.SubmitterEmail ?? customer.PrimaryEmail,
            CreatedUtc = now,
            UpdatedUtc = now,
        };

        var stored = new List<string>();
        try
        {
            foreach (var photo in photos)
            {
                var saved = await store.SaveAsync(new MemoryStream(photo.Bytes, writable: false), cancellationToken);
                stored.Add(saved.Id);
                request.Photos.Add(new ServiceRequestPhoto
                {
                    FileName = photo.FileName,
                    ContentType = photo.ContentType,
                    Length = saved.Length,
                    Sha256 = saved.Sha256,
                    StorageId = saved.Id,
                });
            }

            // One transaction: the request is saved first so the office's email can name and link it,
            // and the email still commits (or not) with the request.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Set<ServiceRequest>().Add(request);
            await db.SaveChangesAsync(cancellationToken);
            await emails.RequestReceivedAsync(request, customer, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The row is what makes a photo reachable; without it the bytes must not stay behind.
            db.ChangeTracker.Clear();
            foreach (var id in stored)
            {
                await store.DeleteAsync(id, CancellationToken.None);
            }

            throw;
        }

        return ServiceRequestResult.Ok(request.Id);
    }

    // The chosen catalogue entry (active only), null for "something else"; a missing or tampered choice is a message.
    private async Task<ServiceCatalogItem?> ServiceAsync(NewServiceRequest input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.Service == NewServiceRequest.SomethingElse)
        {
            return null;
        }

        if (long.TryParse(input.Service, out var id) && await catalogue.GetAsync(id, cancellationToken) is { IsActive: true } item)
        {
            return item;
        }

        errors["Service"] = string.IsNullOrWhiteSpace(input.Service)
            ? "Choose the service you’d like, or “Something else”."
            : "That service isn’t offered any more. Choose another, or “Something else”.";
        return null;
    }

    private static string? Text(string? value, string field, string label, Dictionary<string, string> errors)
    {
        var text = value?.Trim();
        if (text?.Length > ServiceRequestsModel.TextLength)
        {
            errors[field] = $"Keep the {label} to {ServiceRequestsModel.TextLength} characters or fewer.";
            return null;
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
