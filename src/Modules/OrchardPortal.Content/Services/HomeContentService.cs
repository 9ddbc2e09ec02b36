using Microsoft.EntityFrameworkCore;
using OrchardPortal.Content.Models;
using OrchardPortal.Content.Sanitizing;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Content.Services;

/// <summary>
/// The portal home page's text: a draft staff edit, versions they publish, and restoring an earlier
/// version into the draft. Everything stored is sanitised first (<see cref="HtmlSanitizer"/>).
/// </summary>
public sealed class HomeContentService(TenantDbContext db, TenantScope scope, PublishedContentCache cache, TimeProvider clock)
{
    private const string Key = ContentPage.HomeKey;

    /// <summary>The page's draft and publication state (an empty, unsaved page when nothing exists yet).</summary>
    public async Task<ContentPage> GetPageAsync(CancellationToken cancellationToken) =>
        await db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Key == Key, cancellationToken) ?? new ContentPage { Key = Key };

    /// <summary>What customers see now ("" before the first publication). Cached per tenant.</summary>
    public async Task<string> GetPublishedHtmlAsync(CancellationToken cancellationToken)
    {
        var tenant = scope.Required;
        if (cache.TryGet(tenant, Key, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation(tenant, Key);
        var html = await db.Set<ContentVersion>().AsNoTracking()
            .Where(v => v.PageKey == Key && db.Set<ContentPage>().Any(p => p.Key == Key && p.PublishedVersion == v.Number))
            .Select(v => v.Html).FirstOrDefaultAsync(cancellationToken) ?? "";
        cache.Store(tenant, Key, html, generation);
        return html;
    }

    public async Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        await db.Set<ContentVersion>().AsNoTracking().Where(v => v.PageKey == Key).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Sanitises and keeps <paramref name="html"/> as the draft; returns what was stored.</summary>
    public async Task<string> SaveDraftAsync(string? html, string author, CancellationToken cancellationToken)
    {
        var page = await LoadForUpdateAsync(cancellationToken);
        SetDraft(page, HtmlSanitizer.Sanitize(html), author);
        await db.SaveChangesAsync(cancellationToken);
        return page.DraftHtml;
    }

    /// <summary>Saves <paramref name="html"/> as the draft and makes it live as a new version; returns its number.</summary>
    public async Task<int> PublishAsync(string? html, string author, CancellationToken cancellationToken)
    {
        var clean = HtmlSanitizer.Sanitize(html);
        // Two staff publishing at once: the unique (page, number) index lets one win; the other retries
        // with the next number, so both publications are kept in order. Inside someone else's
        // transaction (a recipe) there is no retry: a failed statement has spoiled the transaction.
        var canRetry = db.Database.CurrentTransaction is null;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                db.ChangeTracker.Clear();
            }

            var page = await LoadForUpdateAsync(cancellationToken);
            SetDraft(page, clean, author);
            page.LatestVersion++;
            page.PublishedVersion = page.LatestVersion;
            db.Add(new ContentVersion
            {
                Id = Guid.NewGuid(),
                PageKey = Key,
                Number = page.LatestVersion,
                Html = clean,
                PublishedUtc = clock.GetUtcNow(),
                PublishedBy = Author(author),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                cache.Invalidate(scope.Required, Key);
                return page.LatestVersion;
            }
            catch (DbUpdateException) when (canRetry && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), clock, cancellationToken);
            }
        }
    }

    /// <summary>Copies version <paramref name="number"/>'s text into the draft (nothing goes live until published); false when there is no such version.</summary>
    public async Task<bool> RestoreToDraftAsync(int number, string author, CancellationToken cancellationToken)
    {
        var html = await db.Set<ContentVersion>().AsNoTracking()
            .Where(v => v.PageKey == Key && v.Number == number).Select(v => v.Html).FirstOrDefaultAsync(cancellationToken);
        if (html is null)
        {
            return false;
        }

        var page = await LoadForUpdateAsync(cancellationToken);
        SetDraft(page, html, author);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<ContentPage> LoadForUpdateAsync(CancellationToken cancellationToken)
    {
        var page = await db.Set<ContentPage>().FirstOrDefaultAsync(p => p.Key == Key, cancellationToken);
        if (page is null)
        {
            page = new ContentPage { Key = Key };
            db.Add(page);
        }

        return page;
    }

    private void SetDraft(ContentPage page, string html, string author)
    {
        page.DraftHtml = html;
        page.DraftSavedUtc = clock.GetUtcNow();
        page.DraftSavedBy = Author(author);
    }

    private static string Author(string author)
    {
        var name = author.Trim();
        return name.Length == 0 ? "Unknown" : name.Length > 100 ? name[..100] : name;
    }
}
