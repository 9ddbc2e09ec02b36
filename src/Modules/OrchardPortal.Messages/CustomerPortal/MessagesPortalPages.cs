using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Messages.Attachments;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>
/// The customer's conversation URLs beside the Messages tab. Each request passes the same rule as the tab
/// (enabled for the tenant, visible to this customer, permitted to this user); the customer is always the
/// signed-in one, and a thread or file of anyone else answers exactly like one that does not exist.
/// </summary>
public sealed class MessagesPortalPages(
    ICurrentPortalCustomer current,
    IPortalAccessPolicy policy,
    PortalPages portal,
    IThemeRenderer renderer,
    MessageService messages,
    MessageSubjectResolver subjects,
    MessagesPortalModel model,
    UploadRequestReader reader,
    AttachmentReader attachments,
    IHttpContextAccessor http)
{
    public const string ThreadView = "MessageThread";
    public const string NewView = "NewMessage";
    public const string SentNotice = "Your message was sent. We'll reply here, and email you when we do.";

    public async Task<IResult> ThreadAsync(long id, bool sent, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(MessagePaths.PortalThread(id), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        if (await messages.FindForCustomerAsync(customer.CustomerId, id, cancellationToken) is not { } thread)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        // Only a real page view marks the thread read, not a link checker's HEAD.
        if (HttpMethods.IsGet(http.HttpContext!.Request.Method))
        {
            await messages.MarkReadAsync(thread, MessageAuthorKind.Customer, cancellationToken);
        }

        return await RenderThreadAsync(customer, thread, new MessageForm(Notice: sent ? SentNotice : null), StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> ReplyAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(MessagePaths.PortalThread(id), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        if (await messages.FindForCustomerAsync(customer.CustomerId, id, cancellationToken) is not { } thread)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var form = await reader.ReadAsync(http.HttpContext!, cancellationToken);
        if (!form.Succeeded)
        {
            return await RenderThreadAsync(customer, thread, new MessageForm(Error: ReadError(form)), form.StatusCode, cancellationToken);
        }

        var body = form.Form!["Body"].ToString();
        var result = await messages.ReplyAsync(thread, MessageAuthor.ForCustomer(customer), new MessageDraft(body, [.. form.Form.Files.GetFiles("Attachments")]), cancellationToken);
        if (!result.Succeeded)
        {
            return await RenderThreadAsync(customer, thread, new MessageForm(body, Error: result.Error), Status(result), cancellationToken);
        }

        return Results.Redirect(MessagePaths.PortalThread(thread.Id) + "?sent=1#latest");
    }

    public async Task<IResult> NewAsync(string? about, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(MessagePaths.PortalNew, cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        // A link "about" something that is not theirs still opens the form, as a general message, and says why.
        var resolved = await subjects.ResolveAsync(customer.CustomerId, about, cancellationToken);
        var form = resolved.Succeeded ? new MessageForm(About: resolved.Subject!.About) : new MessageForm(Error: resolved.Error);
        return await RenderNewAsync(customer, form, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> CreateAsync(CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(MessagePaths.PortalNew, cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var read = await reader.ReadAsync(http.HttpContext!, cancellationToken);
        if (!read.Succeeded)
        {
            return await RenderNewAsync(customer, new MessageForm(Error: ReadError(read)), read.StatusCode, cancellationToken);
        }

        var values = read.Form!;
        var form = new MessageForm(values["Body"].ToString(), values["Title"].ToString(), values["About"].ToString());
        var resolved = await subjects.ResolveAsync(customer.CustomerId, form.About, cancellationToken);
        if (!resolved.Succeeded)
        {
            return await RenderNewAsync(customer, form with { About = null, Error = resolved.Error }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await messages.StartAsync(
            customer.CustomerId, resolved.Subject!, form.Title, MessageAuthor.ForCustomer(customer), new MessageDraft(form.Body, [.. values.Files.GetFiles("Attachments")]), cancellationToken);
        if (!result.Succeeded)
        {
            return await RenderNewAsync(customer, form with { Error = result.Error }, Status(result), cancellationToken);
        }

        return Results.Redirect(MessagePaths.PortalThread(result.Thread!.Id) + "?sent=1#latest");
    }

    public async Task<IResult> AttachmentAsync(long threadId, long attachmentId, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await AllowedCustomerAsync(MessagePaths.PortalAttachment(threadId, attachmentId), cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        if (await messages.FindAttachmentForCustomerAsync(customer.CustomerId, threadId, attachmentId, cancellationToken) is not { } attachment
            || await messages.OpenAsync(attachment, cancellationToken) is not { } stream)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        AttachmentResponse.ApplyHeaders(http.HttpContext!.Response, attachment);
        return Results.Stream(stream, attachment.ContentType);
    }

    private string ReadError(UploadForm form) =>
        form.StatusCode == StatusCodes.Status413PayloadTooLarge ? attachments.TooBig(null)
        : form.Error == UploadRequestReader.StaleFormMessage ? "This page was open too long, so for your security nothing was sent. Please write your message again."
        : form.Error!;

    private static int Status(MessageResult result) => result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;

    private async Task<IResult> RenderThreadAsync(PortalCustomer customer, MessageThread thread, MessageForm form, int status, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>();
        await model.FillThreadAsync(customer, thread, values, form, cancellationToken);
        return await renderer.RenderPageAsync(ThreadView, values, new ThemePageOptions { Title = thread.Title, StatusCode = status }, cancellationToken);
    }

    private async Task<IResult> RenderNewAsync(PortalCustomer customer, MessageForm form, int status, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>();
        await model.FillNewAsync(customer, values, form, cancellationToken);
        return await renderer.RenderPageAsync(NewView, values, new ThemePageOptions { Title = "New message", StatusCode = status }, cancellationToken);
    }

    // The signed-in customer when the Messages tab is theirs to use; otherwise what to answer instead.
    private async Task<(PortalCustomer? Customer, IResult? Refusal)> AllowedCustomerAsync(string returnPath, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        switch (await policy.CheckTabForAsync(customer, PortalTabs.Messages.Key, cancellationToken))
        {
            case PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted:
                return (null, await portal.NotFoundAsync(cancellationToken));
            case PortalAccessDecision.PortalDenied:
                return (null, await renderer.RenderPageAsync("AccessDenied", new Dictionary<string, object?>(),
                    new ThemePageOptions { Title = "Portal unavailable", StatusCode = StatusCodes.Status403Forbidden }, cancellationToken));
        }

        return customer is null
            ? (null, Results.Redirect(PortalGlobalsProvider.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnPath)))
            : (customer, null);
    }
}
