namespace OrchardPortal.Liquid.Values;

/// <summary>
/// An object that decides itself which members a template can read (a "drop").
/// Implementing it is an explicit opt-in, like registering members with <see cref="MemberAccessRegistry"/>.
/// </summary>
public interface ILiquidObject
{
    bool TryGetMember(string name, TemplateContext context, out object? value);
}
