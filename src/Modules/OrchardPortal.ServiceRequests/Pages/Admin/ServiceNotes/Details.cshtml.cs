using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Notes;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceNotes;

/// <summary>One service note and its answer (answering again replaces the answer and emails the customer again).</summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceNoteDetailsModel(ServiceNoteService notes) : PageModel
{
    public ServiceNote Note { get; private set; } = null!;

    [BindProperty]
    public string? Answer { get; set; }

    public string? AnswerError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await notes.GetAsync(id, cancellationToken) is not { } note)
        {
            return NotFound();
        }

        Note = note;
        Answer = note.Answer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var staff = User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.Email) ?? "Staff";
        var result = await notes.AnswerAsync(id, Answer, staff, cancellationToken);
        if (result.NotFound || await notes.GetAsync(id, cancellationToken) is not { } note)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData.Flash($"Answer sent to {note.CustomerName}. They can see it under Service notes.");
            return Redirect(ServiceRequestPaths.NotesInbox);
        }

        Note = note;
        AnswerError = result.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
