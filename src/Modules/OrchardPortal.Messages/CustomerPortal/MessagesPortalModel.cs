using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Media;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>The models of the Messages, MessageThread and NewMessage views (see docs/messages.md).</summary>
public sealed class MessagesPortalModel(
    MessageService messages, MessageSubjectResolver subjects, MessageClock clock, AttachmentReader attachments,
    IPortalAccessPolicy policy, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public async Task FillListAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var time = await clock.FormatterAsync(cancellationToken);
        var threads = await messages.ListForCustomerAsync(customer.CustomerId, cancellationToken);
        model["threads"] = threads.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = s.Thread.Id,
            ["title"] = s.Thread.Title,
            ["about"] = MessageSubjectKeys.Label(s.Thread.SubjectKind),
            ["url"] = MessagePaths.PortalThread(s.Thread.Id),
            ["last_message_at"] = time(s.Thread.LastMessageUtc),
            ["last_message_iso"] = MessageClock.Iso(s.Thread.LastMessageUtc),
            ["unread"] = s.Unread,
            ["closed"] = s.Thread.IsClosed,
        }).ToList();
        model["unread_total"] = threads.Sum(s => s.Unread);
        model["new_url"] = MessagePaths.PortalNew;
    }

    public async Task FillThreadAsync(PortalCustomer customer, MessageThread thread, IDictionary<string, object?> model, MessageForm form, CancellationToken cancellationToken)
    {
        var time = await clock.FormatterAsync(cancellationToken);
        var subject = await subjects.ResolveAsync(customer.CustomerId, thread.SubjectKind, thread.SubjectId, cancellationToken);
        model["thread"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = thread.Id,
            ["title"] = thread.Title,
            ["closed"] = thread.IsClosed,
            ["about"] = subject is null || subject.Kind == MessageSubjectKind.General ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["label"] = subject.Label,
                ["url"] = await OpenableAsync(customer, subject, cancellationToken),
            },
        };
        model["messages"] = (await messages.MessagesAsync(thread.Id, cancellationToken)).Select(v => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = v.Message.Id,
            ["author"] = v.Message.AuthorName,
            ["from_us"] = v.Message.AuthorKind == MessageAuthorKind.Staff,
            ["body"] = v.Message.Body,
            ["sent_at"] = time(v.Message.CreatedUtc),
            ["sent_iso"] = MessageClock.Iso(v.Message.CreatedUtc),
            ["attachments"] = v.Attachments.Select(a => Attachment(a, MessagePaths.PortalAttachment(thread.Id, a.Id))).ToList(),
        }).ToList();
        model["reply"] = Form(MessagePaths.PortalThread(thread.Id), form);
        model["back_url"] = MessagePaths.Portal;
    }

    public async Task FillNewAsync(PortalCustomer customer, IDictionary<string, object?> model, MessageForm form, CancellationToken cancellationToken)
    {
        var selected = form.About ?? MessageSubject.General.About;
        var options = await subjects.OptionsAsync(customer.CustomerId, cancellationToken);
        var values = Form(MessagePaths.PortalNew, form);
        values["title"] = form.Title ?? "";
        values["max_title_length"] = MessageService.MaxTitleLength;
        values["subjects"] = options.Select(o => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["value"] = o.About,
            ["label"] = o.Kind == MessageSubjectKind.General ? "Something else (a general question)" : o.Label,
            ["selected"] = string.Equals(o.About, selected, StringComparison.Ordinal),
        }).ToList();
        model["form"] = values;
        model["back_url"] = MessagePaths.Portal;
    }

    /// <summary>Shared by both views: the file list item for an attachment.</summary>
    public static Dictionary<string, object?> Attachment(MessageAttachment attachment, string url) => new(StringComparer.Ordinal)
    {
        ["id"] = attachment.Id,
        ["file_name"] = attachment.FileName,
        ["type"] = DocumentTypes.LabelFor(attachment.ContentType),
        ["size"] = FileSystemMediaStore.FormatSize(attachment.Length),
        ["url"] = url,
    };

    private Dictionary<string, object?> Form(string action, MessageForm form)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = action,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
            ["body"] = form.Body ?? "",
            ["max_length"] = MessageService.MaxBodyLength,
            ["error"] = form.Error,
            ["notice"] = form.Notice,
            ["max_files"] = AttachmentReader.MaxFiles,
            ["max_size"] = attachments.MaxSize,
            ["accept"] = DocumentTypes.Accept,
            ["allowed_types"] = DocumentTypes.AllowedList,
        };
    }

    // The item's own page, only when this visitor may open the tab it lives on.
    private async Task<string?> OpenableAsync(PortalCustomer customer, MessageSubject subject, CancellationToken cancellationToken) =>
        subject.PortalPath is { } path && subject.PortalTabKey is { } tab
        && await policy.CheckTabForAsync(customer, tab, cancellationToken) == PortalAccessDecision.Allowed
            ? path
            : null;
}
