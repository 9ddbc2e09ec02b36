using Microsoft.AspNetCore.Mvc;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Notes;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceNotes;

/// <summary>What the customer's admin page shows: their service notes (newest first) and how many requests they sent.</summary>
public sealed record CustomerServiceNotesView(IReadOnlyList<ServiceNote> Notes, int Requests);

/// <summary>
/// The "Service notes" history on a customer's admin page, invoked there by name (the Customers module
/// cannot reference this one), like Billing's balance panel.
/// </summary>
[ViewComponent(Name = "CustomerServiceNotes")]
public sealed class CustomerServiceNotesViewComponent(ServiceNoteService notes, ServiceRequestService requests) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long customerId)
    {
        var list = await notes.ListForCustomerAsync(customerId, HttpContext.RequestAborted);
        var count = (await requests.ListForCustomerAsync(customerId, HttpContext.RequestAborted)).Count;
        return View(new CustomerServiceNotesView(list, count));
    }
}
