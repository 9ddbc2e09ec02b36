using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Subjects;

/// <summary>What an <c>about</c> value resolved to for one customer, or why it could not be used.</summary>
public sealed record SubjectResolution(MessageSubject? Subject, string? Error)
{
    public bool Succeeded => Subject is not null;
}

/// <summary>
/// Resolves and ownership-checks subjects across every registered <see cref="IMessageSubjectSource"/>.
/// A subject of another customer, another tenant or none at all gets the same message.
/// </summary>
public sealed class MessageSubjectResolver(IEnumerable<IMessageSubjectSource> sources)
{
    public const string NotYoursMessage = "We couldn't find that item on your account. You can still send us a general message.";

    /// <summary>The kinds a conversation can be about here (General first), for forms and filters.</summary>
    public IReadOnlyList<MessageSubjectKind> Kinds => [MessageSubjectKind.General, .. sources.Select(s => s.Kind).Distinct().Order()];

    public async Task<SubjectResolution> ResolveAsync(long customerId, string? about, CancellationToken cancellationToken)
    {
        if (!MessageSubjectKeys.TryParse(about, out var kind, out var id))
        {
            return new SubjectResolution(null, NotYoursMessage);
        }

        return await ResolveAsync(customerId, kind, id, cancellationToken) is { } subject
            ? new SubjectResolution(subject, null)
            : new SubjectResolution(null, NotYoursMessage);
    }

    /// <summary>The subject as the customer sees it now, or null when it is not theirs (or its kind is not available).</summary>
    public async Task<MessageSubject?> ResolveAsync(long customerId, MessageSubjectKind kind, long? id, CancellationToken cancellationToken)
    {
        if (kind == MessageSubjectKind.General)
        {
            return MessageSubject.General;
        }

        var source = sources.FirstOrDefault(s => s.Kind == kind);
        return source is null || id is null ? null : await source.FindAsync(customerId, id.Value, cancellationToken);
    }

    /// <summary>Everything the customer could start a conversation about, General first.</summary>
    public async Task<IReadOnlyList<MessageSubject>> OptionsAsync(long customerId, CancellationToken cancellationToken)
    {
        var options = new List<MessageSubject> { MessageSubject.General };
        foreach (var source in sources.OrderBy(s => s.Kind))
        {
            options.AddRange(await source.ListAsync(customerId, cancellationToken));
        }

        return options;
    }
}
