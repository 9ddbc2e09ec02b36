using System.Net;
using System.Net.Http.Headers;
using OrchardPortal.Content.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Content.Tests.Infrastructure.ContentClient;

namespace OrchardPortal.Content.Tests;

public sealed class MediaServingTests(PortalApp app) : IClassFixture<PortalApp>
{
    private async Task<(TenantHandle Tenant, string Url)> TenantWithHeaderImageAsync()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        await staff.UploadHeaderImageAsync(TestImages.Png(64, 64), "logo.png");
        return (tenant, Assert.Single(MediaUrls(await staff.PageAsync(HeaderImagePage))));
    }

    [Fact]
    public async Task A_tenants_media_url_is_not_found_on_another_tenants_host()
    {
        var (owner, url) = await TenantWithHeaderImageAsync();
        var other = await app.CreateTenantAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(owner.Host).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(other.Host).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHostClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Media_is_cached_for_a_year_under_its_file_id_and_never_sniffed()
    {
        var (tenant, url) = await TenantWithHeaderImageAsync();
        var client = app.CreateClient(tenant.Host);

        var response = await client.GetAsync(url);

        var id = Path.GetFileNameWithoutExtension(url);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 }, response.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal($"\"{id}\"", response.Headers.ETag?.Tag);
        Assert.False(response.Headers.Contains("Content-Security-Policy"), "only SVGs need the CSP");

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{id}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [InlineData("/media/portal.db")]
    [InlineData("/media/../portal.db")]
    [InlineData("/media/%2e%2e/portal.db")]
    [InlineData("/media/branding/..%2F..%2Fportal.db")]
    [InlineData("/media/branding/%2e%2e%2f%2e%2e%2fportal.db")]
    [InlineData("/media/branding/..\\..\\portal.db")]
    [InlineData("/media/branding/00000000000000000000000000000000.png")]
    [InlineData("/media/branding/0123456789ABCDEF0123456789ABCDEF.png")]
    [InlineData("/media/Branding/0123456789abcdef0123456789abcdef.png")]
    [InlineData("/media/branding/0123456789abcdef0123456789abcdef.html")]
    [InlineData("/media/")]
    public async Task Made_up_and_traversing_paths_are_not_found(string path)
    {
        var (tenant, _) = await TenantWithHeaderImageAsync();

        var response = await app.CreateClient(tenant.Host).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anything_after_a_file_name_is_not_found()
    {
        var (tenant, url) = await TenantWithHeaderImageAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(tenant.Host).GetAsync(url + ".part")).StatusCode);
    }
}
