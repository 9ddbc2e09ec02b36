namespace OrchardPortal.Emails.Catalog;

/// <summary>One variable a template gets, as the editor lists it.</summary>
public sealed record EmailVariable(string Name, string Description);

/// <summary>
/// What staff (and code) need to know about one email: its name, when it is sent, the variables it gets
/// and a sample model for previews and "Send sample".
/// </summary>
public sealed record EmailTemplateDefinition(
    string Key,
    string Name,
    string WhenSent,
    IReadOnlyList<EmailVariable> Variables,
    Func<IReadOnlyDictionary<string, object?>> SampleModel);
