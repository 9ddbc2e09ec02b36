namespace OrchardPortal.Core.Tenancy;

/// <summary>Bound from the <c>Tenancy</c> configuration section.</summary>
public sealed class TenancyOptions
{
    /// <summary>The host site's domain; tenants live at <c>{name}.{RootDomain}</c>.</summary>
    public string RootDomain { get; set; } = "localhost";

    /// <summary>
    /// The scheme of links made without a request (emails sent by background jobs): <c>https</c> unless a
    /// deployment serves tenants over plain http (<c>appsettings.Development.json</c> sets <c>http</c> for <c>dotnet run</c>).
    /// </summary>
    public string PublicScheme { get; set; } = "https";

    /// <summary>The port of links made without a request; none (the scheme's default) unless set, e.g. 5000 for <c>dotnet run</c>.</summary>
    public int? PublicPort { get; set; }

    /// <summary>Further names that also mean the host site (e.g. 127.0.0.1 for local tools).</summary>
    public List<string> HostAliases { get; set; } = ["127.0.0.1", "[::1]"];

    /// <summary>How long an unknown host name is remembered as unknown, so a flood of bad hosts can't hammer the registry.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
