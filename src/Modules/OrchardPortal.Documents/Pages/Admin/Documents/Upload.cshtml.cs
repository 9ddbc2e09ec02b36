using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Media;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Services;
using OrchardPortal.Documents.Uploads;

namespace OrchardPortal.Documents.Pages.Admin.Documents;

/// <summary>
/// Staff upload a document for one customer or for all customers. The form is read by
/// <see cref="UploadRequestReader"/> (our limits, our antiforgery check) instead of model binding, so a
/// file over the limit or a stale page is a message here, never the framework's bare 400.
/// </summary>
[SiteScope(Site.Tenant)]
[IgnoreAntiforgeryToken] // Checked in OnPostAsync by UploadRequestReader, after the form is read with our limits.
public sealed class DocumentUploadModel(DocumentService documents, CustomerService customers, UploadRequestReader reader, DocumentOptions options) : PageModel
{
    public const string ForAll = "all";
    public const string ForCustomer = "customer";

    /// <summary>From the customer's page (<c>?customer=</c>); the form then uploads for that customer.</summary>
    public Customer? Customer { get; private set; }

    public string For { get; private set; } = ForAll;

    public string? Title { get; private set; }

    public string? AccountNumber { get; private set; }

    public string? Error { get; private set; }

    public string MaxSize => FileSystemMediaStore.FormatSize(options.MaxUploadBytes);

    public long MaxBytes => options.MaxUploadBytes;

    public async Task<IActionResult> OnGetAsync(long? customer, CancellationToken cancellationToken)
    {
        if (customer is { } id)
        {
            Customer = await customers.GetAsync(id, cancellationToken);
            if (Customer is null)
            {
                return NotFound();
            }

            For = ForCustomer;
        }

        return Page();
    }

    // No parameters and no bound properties on purpose: anything MVC binds makes it read the form first,
    // with the framework's limits, before UploadRequestReader can apply ours.
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var read = await reader.ReadAsync(HttpContext, cancellationToken);
        if (!read.Succeeded)
        {
            return Fail(read.Error!, read.StatusCode);
        }

        var form = read.Form!;
        For = string.Equals(form["For"].ToString(), ForCustomer, StringComparison.Ordinal) ? ForCustomer : ForAll;
        Title = form["Title"];
        AccountNumber = form["AccountNumber"];
        long? customerId = null;
        if (For == ForCustomer)
        {
            Customer = await FindCustomerAsync(form["CustomerId"], AccountNumber, cancellationToken);
            if (Customer is null)
            {
                return Fail(string.IsNullOrWhiteSpace(form["CustomerId"]) && string.IsNullOrWhiteSpace(AccountNumber)
                    ? "Enter the account number of the customer this document is for, or choose “All customers”."
                    : "We couldn't find that customer. Check the account number, or choose “All customers”.", StatusCodes.Status400BadRequest);
            }

            customerId = Customer.Id;
        }

        var file = form.Files.GetFile("File");
        await using var content = file?.OpenReadStream();
        var result = await documents.UploadAsync(
            new DocumentUpload(customerId, Title, file?.FileName, content, file?.Length, DocumentSource.Staff, StaffName()),
            cancellationToken);
        if (!result.Succeeded)
        {
            return Fail(result.Error!, result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        TempData.Flash(customerId is null
            ? $"“{result.Document!.Title}” uploaded. Every customer can now see it in the portal."
            : $"“{result.Document!.Title}” uploaded for {Customer!.DisplayName}.");
        return Redirect(customerId is { } cid ? DocumentPaths.AdminForCustomer(cid) : DocumentPaths.Admin);
    }

    private async Task<Customer?> FindCustomerAsync(string? customerId, string? accountNumber, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(customerId))
        {
            return long.TryParse(customerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await customers.GetAsync(id, cancellationToken)
                : null;
        }

        return string.IsNullOrWhiteSpace(accountNumber) ? null : await customers.FindByAccountNumberAsync(accountNumber.Trim(), cancellationToken);
    }

    private string StaffName() =>
        User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.Email) ?? "Staff";

    private PageResult Fail(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
