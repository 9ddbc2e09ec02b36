using Microsoft.EntityFrameworkCore;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Services;

/// <summary>The staff inbox's filters. Null means "any".</summary>
public sealed record InboxQuery
{
    public bool UnreadOnly { get; init; }

    public MessageSubjectKind? Kind { get; init; }

    /// <summary>Only these customers' threads (from a customer search or a customer's page).</summary>
    public IReadOnlyCollection<long>? CustomerIds { get; init; }

    /// <summary>true: closed only; false: open only.</summary>
    public bool? Closed { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>One page of the inbox, newest activity first.</summary>
public sealed record InboxPage(IReadOnlyList<ThreadSummary> Items, int TotalCount, int Page)
{
    public int PageCount => Math.Max(1, (TotalCount + MessageService.InboxPageSize - 1) / MessageService.InboxPageSize);
}

/// <summary>The staff inbox.</summary>
public sealed partial class MessageService
{
    public const int InboxPageSize = 50;

    public async Task<InboxPage> InboxAsync(InboxQuery query, CancellationToken cancellationToken)
    {
        var threads = db.Set<MessageThread>().AsNoTracking();
        if (query.UnreadOnly)
        {
            threads = counts.StaffUnreadThreads(threads);
        }

        if (query.Kind is { } kind)
        {
            threads = threads.Where(t => t.SubjectKind == kind);
        }

        if (query.CustomerIds is { } ids)
        {
            threads = threads.Where(t => ids.Contains(t.CustomerId));
        }

        if (query.Closed is { } closed)
        {
            threads = closed ? threads.Where(t => t.ClosedUtc != null) : threads.Where(t => t.ClosedUtc == null);
        }

        var total = await threads.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + InboxPageSize - 1) / InboxPageSize));
        var items = await threads.OrderByDescending(t => t.LastMessageId).Skip((page - 1) * InboxPageSize).Take(InboxPageSize).ToListAsync(cancellationToken);
        var shown = items.Select(t => t.Id).ToList();
        var unread = await counts.ByThreadForStaffAsync(shown, cancellationToken);
        return new InboxPage([.. items.Select(t => new ThreadSummary(t, unread.GetValueOrDefault(t.Id)))], total, page);
    }
}
