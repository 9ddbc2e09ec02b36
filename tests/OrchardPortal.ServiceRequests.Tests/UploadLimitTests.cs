using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>Photos are JPEG, PNG, HEIC or WebP by their bytes, within the size and count limits; anything else is refused and nothing is kept.</summary>
public sealed class UploadLimitTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Theory]
    [InlineData("photo.exe", "isn't a photo we can accept")]
    [InlineData("photo.png.exe", "isn't a photo we can accept")]
    [InlineData("photo.html", "isn't a photo we can accept")]
    public async Task A_png_with_a_name_that_is_not_a_photo_is_refused(string fileName, string message)
    {
        var (tenant, casey, service) = await ArrangeAsync();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo(fileName, TestPhotos.Png()));

        await AssertRefusedAsync(tenant, response, HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.png")]
    [InlineData("photo.heic")]
    public async Task A_web_page_named_like_a_photo_is_refused(string fileName)
    {
        var (tenant, casey, service) = await ArrangeAsync();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo(fileName, TestPhotos.Html()));

        await AssertRefusedAsync(tenant, response, HttpStatusCode.BadRequest, "is named like a photo, but its contents are not");
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused_saying_how_big_it_was()
    {
        var (tenant, casey, service) = await ArrangeAsync();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo("big.jpg", TestPhotos.JpegOfSize(MaxPhotoBytes + 1)));

        await AssertRefusedAsync(tenant, response, HttpStatusCode.RequestEntityTooLarge, "“big.jpg” is 65 KB, and photos can be at most 64 KB each");
    }

    [Fact]
    public async Task More_photos_than_allowed_are_refused()
    {
        var (tenant, casey, service) = await ArrangeAsync();
        var photos = Enumerable.Range(1, MaxPhotos + 1).Select(i => new Photo($"yard-{i}.png", TestPhotos.Png())).ToArray();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service), photos);

        await AssertRefusedAsync(tenant, response, HttpStatusCode.BadRequest, $"You attached {MaxPhotos + 1} photos; a request can have at most {MaxPhotos}.");
    }

    [Fact]
    public async Task A_good_photo_next_to_a_bad_one_is_not_kept_either()
    {
        var (tenant, casey, service) = await ArrangeAsync();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo("yard.png", TestPhotos.Png()), new Photo("invoice.jpg", TestPhotos.Html()));

        await AssertRefusedAsync(tenant, response, HttpStatusCode.BadRequest, "“invoice.jpg” is named like a photo");
    }

    [Fact]
    public async Task Photos_are_typed_by_their_bytes_and_served_with_safe_headers()
    {
        var (tenant, casey, service) = await ArrangeAsync();

        var response = await SendRequestAsync(
            casey.Browser, RequestFields(casey, service), new Photo("phone-shot.jpg", TestPhotos.Png()), new Photo("IMG_0001.HEIC", TestPhotos.Heic()), new Photo("gate.jpeg", TestPhotos.Jpeg()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceRequest>().Include(r => r.Photos).SingleAsync());
        Assert.Equal(["image/png", "image/heic", "image/jpeg"], request.Photos.OrderBy(p => p.Id).Select(p => p.ContentType));
        var photo = await casey.Browser.GetAsync($"/request-service/{request.Id}/photos/{request.Photos.OrderBy(p => p.Id).First().Id}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", photo.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", photo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(TestPhotos.Png(), await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, host.FilesOnDisk(tenant).Count);
    }

    private async Task<(Web.Testing.TenantHandle Tenant, SignedInCustomer Casey, string Service)> ArrangeAsync()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        return (tenant, casey, (await ServicesOfferedAsync(casey.Browser)).Keys.First());
    }

    private async Task AssertRefusedAsync(Web.Testing.TenantHandle tenant, HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceRequest>().CountAsync()));
        Assert.Empty(host.FilesOnDisk(tenant));
    }
}
