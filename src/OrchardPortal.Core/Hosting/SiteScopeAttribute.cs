namespace OrchardPortal.Core.Hosting;

/// <summary>Which site an endpoint belongs to: the host site (signup, operator) or every tenant's site.</summary>
public enum Site
{
    Host,
    Tenant,
}

/// <summary>
/// Marks a page or endpoint as answering only on the host site or only on tenant sites; elsewhere the
/// route does not exist (404). Endpoints without it answer on both.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SiteScopeAttribute(Site site) : Attribute
{
    public Site Site { get; } = site;
}
