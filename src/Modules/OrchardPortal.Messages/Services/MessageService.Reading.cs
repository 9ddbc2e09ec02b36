using Microsoft.EntityFrameworkCore;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Services;

/// <summary>One message with its attachments, for a thread page.</summary>
public sealed record MessageView(Message Message, IReadOnlyList<MessageAttachment> Attachments);

/// <summary>A thread in a list, with how many of the other side's messages this side has not read.</summary>
public sealed record ThreadSummary(MessageThread Thread, int Unread);

/// <summary>Reading: threads, messages, attachments, read marks and unread counts.</summary>
public sealed partial class MessageService
{
    /// <summary>The thread if it is <paramref name="customerId"/>'s; otherwise null, as if it did not exist.</summary>
    public Task<MessageThread?> FindForCustomerAsync(long customerId, long threadId, CancellationToken cancellationToken) =>
        db.Set<MessageThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId && t.CustomerId == customerId, cancellationToken);

    public Task<MessageThread?> FindAsync(long threadId, CancellationToken cancellationToken) =>
        db.Set<MessageThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);

    /// <summary>The thread's messages, oldest first, each with its attachments.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesAsync(long threadId, CancellationToken cancellationToken)
    {
        var messages = await db.Set<Message>().AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var files = (await db.Set<MessageAttachment>().AsNoTracking().Where(a => a.ThreadId == threadId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId);
        return [.. messages.Select(m => new MessageView(m, [.. files[m.Id]]))];
    }

    /// <summary>Marks everything in the thread as read for one side (only ever forward).</summary>
    public Task MarkReadAsync(MessageThread thread, MessageAuthorKind side, CancellationToken cancellationToken)
    {
        var threads = db.Set<MessageThread>().Where(t => t.Id == thread.Id);
        return side == MessageAuthorKind.Customer
            ? threads.Where(t => t.CustomerReadUpTo < t.LastMessageId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerReadUpTo, t => t.LastMessageId), cancellationToken)
            : threads.Where(t => t.StaffReadUpTo < t.LastMessageId).ExecuteUpdateAsync(s => s.SetProperty(t => t.StaffReadUpTo, t => t.LastMessageId), cancellationToken);
    }

    /// <summary>The customer's conversations: unread ones first, then the most recently active.</summary>
    public async Task<IReadOnlyList<ThreadSummary>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        var threads = await db.Set<MessageThread>().AsNoTracking().Where(t => t.CustomerId == customerId).ToListAsync(cancellationToken);
        var unread = await counts.ByThreadForCustomerAsync(customerId, cancellationToken);
        return [.. threads.Select(t => new ThreadSummary(t, unread.GetValueOrDefault(t.Id)))
            .OrderByDescending(s => s.Unread > 0).ThenByDescending(s => s.Thread.LastMessageId)];
    }

    public Task<MessageAttachment?> FindAttachmentForCustomerAsync(long customerId, long threadId, long attachmentId, CancellationToken cancellationToken) =>
        db.Set<MessageAttachment>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.ThreadId == threadId && a.CustomerId == customerId, cancellationToken);

    public Task<MessageAttachment?> FindAttachmentAsync(long attachmentId, CancellationToken cancellationToken) =>
        db.Set<MessageAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);

    public Task<Stream?> OpenAsync(MessageAttachment attachment, CancellationToken cancellationToken) =>
        store.OpenReadAsync(attachment.StorageId, cancellationToken);

    /// <summary>Staff close a conversation that needs nothing more, or open it again; false when there is no such thread.</summary>
    public async Task<bool> SetClosedAsync(long threadId, bool closed, CancellationToken cancellationToken)
    {
        DateTimeOffset? value = closed ? clock.GetUtcNow() : null;
        return await db.Set<MessageThread>().Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedUtc, value), cancellationToken) > 0;
    }
}
