using OrchardPortal.Tenants.Api;

namespace OrchardPortal.Tenants.Tests.Api;

internal static class ApiTestBodies
{
    public static CreateTenantRequest Valid(string subdomain) =>
        new("Api Pest Control", subdomain, "Arthur Api", $"arthur@{subdomain}.example.com", TestSupport.GoodPassword, null);
}
