using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Services;

/// <summary>
/// Unread counts for both sides, on their own: the theme's globals provider and the admin menu badge need
/// only these, and must not depend on <see cref="MessageService"/>, whose email notifications render
/// through the theme (that would make the theme depend on itself).
/// </summary>
public sealed class UnreadMessages(TenantDbContext db)
{
    /// <summary>Messages from the office the customer has not read yet (the portal's Messages badge).</summary>
    public Task<int> ForCustomerAsync(long customerId, CancellationToken cancellationToken) => ByCustomer(customerId).CountAsync(cancellationToken);

    /// <summary>Messages from customers nobody in the office has read yet (the admin menu's badge).</summary>
    public Task<int> ForStaffAsync(CancellationToken cancellationToken) => ByStaff().CountAsync(cancellationToken);

    /// <summary>Per thread: the customer's unread messages from the office.</summary>
    public Task<Dictionary<long, int>> ByThreadForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        ByCustomer(customerId).GroupBy(m => m.ThreadId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Per thread (of <paramref name="threadIds"/>): the customer messages the office has not read.</summary>
    public Task<Dictionary<long, int>> ByThreadForStaffAsync(IReadOnlyCollection<long> threadIds, CancellationToken cancellationToken) =>
        ByStaff().Where(m => threadIds.Contains(m.ThreadId)).GroupBy(m => m.ThreadId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Threads with customer messages the office has not read (the inbox's "unread only").</summary>
    public IQueryable<MessageThread> StaffUnreadThreads(IQueryable<MessageThread> threads) =>
        threads.Where(t => db.Set<Message>().Any(m => m.ThreadId == t.Id && m.AuthorKind == MessageAuthorKind.Customer && m.Id > t.StaffReadUpTo));

    private IQueryable<Message> ByCustomer(long customerId) =>
        from m in db.Set<Message>()
        join t in db.Set<MessageThread>() on m.ThreadId equals t.Id
        where t.CustomerId == customerId && m.AuthorKind == MessageAuthorKind.Staff && m.Id > t.CustomerReadUpTo
        select m;

    private IQueryable<Message> ByStaff() =>
        from m in db.Set<Message>()
        join t in db.Set<MessageThread>() on m.ThreadId equals t.Id
        where m.AuthorKind == MessageAuthorKind.Customer && m.Id > t.StaffReadUpTo
        select m;
}
