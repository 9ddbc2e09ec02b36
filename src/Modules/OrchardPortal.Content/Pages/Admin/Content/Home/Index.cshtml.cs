using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Content.Models;
using OrchardPortal.Content.Sanitizing;
using OrchardPortal.Content.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Content.Pages.Admin.Content.Home;

/// <summary>
/// The home-page text editor: save a draft, preview it in the real theme (new tab), publish it, and
/// restore an earlier published version into the draft. Staff only (everything under /admin is).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class HomeEditorModel(HomeContentService content, SiteProfileService site) : PageModel
{
    [BindProperty]
    public string? Html { get; set; }

    public ContentPage State { get; private set; } = new();

    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    public bool HasUnpublishedChanges { get; private set; }

    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Html = State.DraftHtml;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await CheckLengthAsync(cancellationToken))
        {
            return Page();
        }

        await content.SaveDraftAsync(Html, Author, cancellationToken);
        TempData.Flash("Draft saved. Customers still see the published version until you publish.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await CheckLengthAsync(cancellationToken))
        {
            return Page();
        }

        await content.SaveDraftAsync(Html, Author, cancellationToken);
        return Redirect(ContentPaths.HomePreview);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (!await CheckLengthAsync(cancellationToken))
        {
            return Page();
        }

        var version = await content.PublishAsync(Html, Author, cancellationToken);
        TempData.Flash($"Published version {version}. Customers see it on your portal's home page now.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int version, CancellationToken cancellationToken)
    {
        if (!await content.RestoreToDraftAsync(version, Author, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "That version doesn't exist. Choose one from the list below.");
            await LoadAsync(cancellationToken);
            Html = State.DraftHtml;
            return Page();
        }

        TempData.Flash($"Version {version} is now your draft. Preview it, then publish to make it live again.");
        return RedirectToPage();
    }

    public string Format(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZone).ToString("d MMM yyyy 'at' h:mm tt", System.Globalization.CultureInfo.InvariantCulture);

    private string Author => User.Identity?.Name ?? "";

    private async Task<bool> CheckLengthAsync(CancellationToken cancellationToken)
    {
        if ((Html?.Length ?? 0) <= HtmlSanitizer.MaxInputLength)
        {
            return true;
        }

        ModelState.AddModelError(nameof(Html), $"The text is too long to save ({Html!.Length:N0} characters; the limit is {HtmlSanitizer.MaxInputLength:N0}). Shorten it and try again.");
        await LoadAsync(cancellationToken);
        return false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        State = await content.GetPageAsync(cancellationToken);
        Versions = await content.ListVersionsAsync(cancellationToken);
        TimeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var published = Versions.FirstOrDefault(v => v.Number == State.PublishedVersion);
        HasUnpublishedChanges = State.DraftSavedUtc is not null && State.DraftHtml != (published?.Html ?? "");
    }
}
