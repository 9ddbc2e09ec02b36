using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;

namespace OrchardPortal.Messages.Pages.Admin.Messages;

/// <summary>
/// Staff start a conversation with one customer (reached from the customer's page), general or about one
/// of that customer's invoices, estimates, visits or service requests — never another customer's.
/// </summary>
[SiteScope(Site.Tenant)]
[IgnoreAntiforgeryToken] // Checked in OnPostAsync by UploadRequestReader, after the form is read with our limits.
public sealed class NewMessageModel(
    MessageService messages, CustomerService customers, MessageSubjectResolver subjects, UploadRequestReader reader, AttachmentReader attachments) : PageModel
{
    public Customer Customer { get; private set; } = null!;

    public IReadOnlyList<MessageSubject> Options { get; private set; } = [];

    public string About { get; private set; } = MessageSubject.General.About;

    public string? Title { get; private set; }

    public string? Body { get; private set; }

    public string? Error { get; private set; }

    public AttachmentReader Attachments => attachments;

    public async Task<IActionResult> OnGetAsync(long? customer, string? about, CancellationToken cancellationToken)
    {
        if (customer is null || await customers.GetAsync(customer.Value, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var resolved = await subjects.ResolveAsync(found.Id, about, cancellationToken);
        About = resolved.Subject?.About ?? MessageSubject.General.About;
        Error = resolved.Succeeded ? null : "That item doesn't belong to this customer, so the message is a general one.";
        await LoadAsync(found, cancellationToken);
        return Page();
    }

    // No parameters and no bound properties on purpose (see Thread.cshtml.cs): the customer comes from the form.
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var read = await reader.ReadAsync(HttpContext, cancellationToken);
        var form = read.Form;
        var customerId = long.TryParse(form?["CustomerId"].ToString() ?? Request.Query["customer"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        if (customerId is null || await customers.GetAsync(customerId.Value, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        if (!read.Succeeded)
        {
            return await FailAsync(customer, read.StatusCode == StatusCodes.Status413PayloadTooLarge ? attachments.TooBig(null) : read.Error!, read.StatusCode, cancellationToken);
        }

        About = form!["About"].ToString();
        Title = form["Title"];
        Body = form["Body"];
        var resolved = await subjects.ResolveAsync(customer.Id, About, cancellationToken);
        if (!resolved.Succeeded)
        {
            About = MessageSubject.General.About;
            return await FailAsync(customer, "That item doesn't belong to this customer. Choose one of theirs, or send a general message.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await messages.StartAsync(customer.Id, resolved.Subject!, Title, MessageAuthor.ForStaff(User), new MessageDraft(Body, [.. form.Files.GetFiles("Attachments")]), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailAsync(customer, result.Error!, result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, cancellationToken);
        }

        TempData.Flash($"Message sent to {customer.DisplayName}.");
        return Redirect(MessagePaths.AdminThread(result.Thread!.Id));
    }

    private async Task<IActionResult> FailAsync(Customer customer, string error, int status, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = status;
        await LoadAsync(customer, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Customer customer, CancellationToken cancellationToken)
    {
        Customer = customer;
        Options = await subjects.OptionsAsync(customer.Id, cancellationToken);
    }
}
