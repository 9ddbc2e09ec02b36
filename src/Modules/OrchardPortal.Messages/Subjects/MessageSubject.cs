using System.Globalization;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Subjects;

/// <summary>
/// Something of the customer's a conversation can be about, as both sides see it: "Invoice INV-1042",
/// with where to open it in the portal (and the portal tab that page needs) and in the admin.
/// </summary>
public sealed record MessageSubject(MessageSubjectKind Kind, long? Id, string Label, string? PortalPath = null, string? PortalTabKey = null, string? AdminPath = null)
{
    public static MessageSubject General { get; } = new(MessageSubjectKind.General, null, "General");

    /// <summary>The <c>about</c> value that names it in URLs and forms: <c>invoice:12</c>, or <c>general</c>.</summary>
    public string About => MessageSubjectKeys.Format(Kind, Id);
}

/// <summary>
/// One kind of subject, resolved through its owning module's public service. Every lookup is for one
/// customer: an item of another customer answers null, exactly like one that does not exist.
/// </summary>
public interface IMessageSubjectSource
{
    MessageSubjectKind Kind { get; }

    /// <summary>The customer's item, or null when it is not theirs (or not visible to them, such as a draft).</summary>
    Task<MessageSubject?> FindAsync(long customerId, long id, CancellationToken cancellationToken);

    /// <summary>The customer's items a new conversation can be about, newest first.</summary>
    Task<IReadOnlyList<MessageSubject>> ListAsync(long customerId, CancellationToken cancellationToken);
}

/// <summary>The URL/form names of subject kinds: <c>general</c>, <c>invoice</c>, <c>estimate</c>, <c>visit</c>, <c>service-request</c>.</summary>
public static class MessageSubjectKeys
{
    private static readonly Dictionary<MessageSubjectKind, string> Names = new()
    {
        [MessageSubjectKind.General] = "general",
        [MessageSubjectKind.Invoice] = "invoice",
        [MessageSubjectKind.Estimate] = "estimate",
        [MessageSubjectKind.Visit] = "visit",
        [MessageSubjectKind.ServiceRequest] = "service-request",
    };

    public static string Name(MessageSubjectKind kind) => Names[kind];

    public static MessageSubjectKind? ParseKind(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;

    public static string Format(MessageSubjectKind kind, long? id) =>
        kind == MessageSubjectKind.General || id is null ? Names[MessageSubjectKind.General] : Names[kind] + ":" + id.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>invoice:12</c>; false for anything malformed. <c>general</c> (or empty) is the general kind with no id.</summary>
    public static bool TryParse(string? about, out MessageSubjectKind kind, out long? id)
    {
        kind = MessageSubjectKind.General;
        id = null;
        var text = about?.Trim() ?? "";
        if (text.Length == 0 || string.Equals(text, Names[MessageSubjectKind.General], StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || ParseKind(text[..colon]) is not { } parsed || parsed == MessageSubjectKind.General
            || !long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        kind = parsed;
        id = value;
        return true;
    }

    /// <summary>"Invoice", "Service request", … for filters and labels.</summary>
    public static string Label(MessageSubjectKind kind) => kind switch
    {
        MessageSubjectKind.ServiceRequest => "Service request",
        _ => kind.ToString(),
    };
}
