using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Documents.Storage;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Data;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Notifications;
using OrchardPortal.Messages.Subjects;

namespace OrchardPortal.Messages.Services;

/// <summary>What someone wrote: the text and the files they attached (as posted).</summary>
public sealed record MessageDraft(string? Body, IReadOnlyList<IFormFile> Files);

/// <summary>The thread and message that were saved, or the message for the writer (and then nothing changed).</summary>
public sealed record MessageResult(MessageThread? Thread, Message? Message, string? Error, bool TooLarge = false)
{
    public bool Succeeded => Message is not null;

    public static MessageResult Failed(string error, bool tooLarge = false) => new(null, null, error, tooLarge);
}

/// <summary>
/// The Messages module's contract for writing: starting a conversation and replying, with attachments and
/// the other side's email in the same commit. It does not decide who may ask; the portal and staff pages
/// do, and pass the customer (and thread) they checked.
/// </summary>
public sealed partial class MessageService(
    TenantDbContext db, IDocumentStore store, AttachmentReader attachments, NewMessageEmail email, UnreadMessages counts, TimeProvider clock)
{
    public const int MaxBodyLength = MessagesModel.BodyLength;
    public const int MaxTitleLength = MessagesModel.TitleLength;

    /// <summary>Starts a conversation with <paramref name="customerId"/> about <paramref name="subject"/> (already resolved for that customer).</summary>
    public async Task<MessageResult> StartAsync(long customerId, MessageSubject subject, string? title, MessageAuthor author, MessageDraft draft, CancellationToken cancellationToken)
    {
        var cleanTitle = string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (cleanTitle.Length == 0 && subject.Kind != MessageSubjectKind.General)
        {
            cleanTitle = "About " + subject.Label.ToLowerInvariant()[..1] + subject.Label[1..];
        }

        if (cleanTitle.Length == 0)
        {
            return MessageResult.Failed("Give your message a subject, such as “Gate code changed”.");
        }

        if (cleanTitle.Length > MaxTitleLength)
        {
            return MessageResult.Failed($"Keep the subject to {MaxTitleLength} characters or fewer.");
        }

        var now = clock.GetUtcNow();
        var thread = new MessageThread
        {
            CustomerId = customerId,
            SubjectKind = subject.Kind,
            SubjectId = subject.Kind == MessageSubjectKind.General ? null : subject.Id,
            Title = cleanTitle,
            StartedBy = author.Kind,
            CreatedUtc = now,
            LastMessageUtc = now,
        };
        return await PostAsync(thread, isNew: true, author, draft, cancellationToken);
    }

    /// <summary>Adds a message to <paramref name="thread"/> (already checked to be the writer's); a closed conversation opens again.</summary>
    public Task<MessageResult> ReplyAsync(MessageThread thread, MessageAuthor author, MessageDraft draft, CancellationToken cancellationToken) =>
        PostAsync(thread, isNew: false, author, draft, cancellationToken);

    private async Task<MessageResult> PostAsync(MessageThread thread, bool isNew, MessageAuthor author, MessageDraft draft, CancellationToken cancellationToken)
    {
        var body = (draft.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (body.Length == 0)
        {
            return MessageResult.Failed("Write a message before sending.");
        }

        if (body.Length > MaxBodyLength)
        {
            return MessageResult.Failed($"Keep your message to {MaxBodyLength:N0} characters or fewer (this one has {body.Length:N0}). You can send the rest in another message.");
        }

        var files = await attachments.CheckAsync(draft.Files, cancellationToken);
        if (!files.Succeeded)
        {
            return MessageResult.Failed(files.Error!, files.TooLarge);
        }

        var stored = new List<StoredDocument>();
        try
        {
            foreach (var file in files.Files)
            {
                stored.Add(await store.SaveAsync(new MemoryStream(file.Bytes, writable: false), cancellationToken));
            }

            var message = await SaveAsync(thread, isNew, author, body, files.Files, stored, cancellationToken);
            return new MessageResult(thread, message, null);
        }
        catch
        {
            // Without their rows the files are unreachable: they must not stay behind.
            foreach (var file in stored)
            {
                await store.DeleteAsync(file.Id, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<Message> SaveAsync(
        MessageThread thread, bool isNew, MessageAuthor author, string body, IReadOnlyList<CheckedAttachment> files, List<StoredDocument> stored, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isNew)
        {
            db.Set<MessageThread>().Add(thread);
            await db.SaveChangesAsync(cancellationToken);
        }

        var message = new Message
        {
            ThreadId = thread.Id,
            CustomerId = thread.CustomerId,
            AuthorKind = author.Kind,
            AuthorPortalUserId = author.PortalUserId,
            AuthorStaffUserId = author.StaffUserId,
            AuthorName = Truncate(author.Name, MessagesModel.PersonLength),
            Body = body,
            CreatedUtc = now,
        };
        db.Set<Message>().Add(message);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < files.Count; i++)
        {
            db.Set<MessageAttachment>().Add(new MessageAttachment
            {
                MessageId = message.Id,
                ThreadId = thread.Id,
                CustomerId = thread.CustomerId,
                FileName = files[i].FileName,
                ContentType = files[i].Type.ContentType,
                Length = stored[i].Length,
                Sha256 = stored[i].Sha256,
                StorageId = stored[i].Id,
            });
        }

        await email.EnqueueAsync(thread, message, files.Count, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Conditional updates, so two messages posted at once leave the newest as the thread's last, and the
        // writer's own side has read up to (at least) what they wrote.
        var threads = db.Set<MessageThread>().Where(t => t.Id == thread.Id);
        await threads.Where(t => t.LastMessageId < message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.LastMessageId, message.Id).SetProperty(t => t.LastMessageUtc, now).SetProperty(t => t.ClosedUtc, (DateTimeOffset?)null), cancellationToken);
        if (author.Kind == MessageAuthorKind.Customer)
        {
            await threads.Where(t => t.CustomerReadUpTo < message.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerReadUpTo, message.Id), cancellationToken);
        }
        else
        {
            await threads.Where(t => t.StaffReadUpTo < message.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.StaffReadUpTo, message.Id), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.Entry(thread).State = EntityState.Detached;
        thread.LastMessageId = Math.Max(thread.LastMessageId, message.Id);
        thread.LastMessageUtc = now;
        thread.ClosedUtc = null;
        return message;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
