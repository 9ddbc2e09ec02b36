using System.Net;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>What a person can get wrong in a message form: each refusal is a message on the page, and nothing is saved or stored.</summary>
public sealed class ValidationTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task An_empty_message_is_refused_with_a_message_and_nothing_is_saved()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);

        var started = await casey.Browser.CustomerStartAsync(null, "Gate code", "   \n  ");
        var staff = await office.Staff.StaffStartAsync(casey.Customer.Id, null, "Hello", "");

        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Equal("Write a message before sending.", (await started.DocumentAsync()).TextOf("message-error"));
        Assert.Equal(HttpStatusCode.BadRequest, staff.StatusCode);
        Assert.Equal("Write a message before sending.", (await staff.DocumentAsync()).TextOf("new-message-error"));
        Assert.Equal(0, await host.CountAsync<MessageThread>(office.Tenant));
    }

    [Fact]
    public async Task A_general_message_needs_a_subject_and_keeps_what_was_typed()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);

        var response = await casey.Browser.CustomerStartAsync(null, "  ", "The dog is out on Tuesday.");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("Give your message a subject", page.TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal("The dog is out on Tuesday.", page.GetElementById("message-body")!.TextContent);
        Assert.Equal(0, await host.CountAsync<MessageThread>(office.Tenant));
    }

    [Fact]
    public async Task A_reply_over_4000_characters_is_refused_keeping_the_text_and_nothing_is_added()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Long story", "Short start.")).ThreadId();
        var essay = new string('a', 4001);

        var response = await casey.Browser.CustomerReplyAsync(threadId, essay);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("4,000 characters or fewer (this one has 4,001)", page.TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(essay, page.GetElementById("message-body")!.TextContent);
        Assert.Equal(1, await host.CountAsync<Message>(office.Tenant));
        Assert.Equal(HttpStatusCode.Redirect, (await casey.Browser.CustomerReplyAsync(threadId, new string('b', 4000))).StatusCode);
    }

    [Fact]
    public async Task Web_pages_and_files_that_are_not_what_their_name_says_are_refused_with_nothing_on_disk()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Photos", "See below.")).ThreadId();

        var html = await casey.Browser.CustomerReplyAsync(threadId, "Here is a page", TestFile.Html());
        var fakeJpeg = await casey.Browser.CustomerReplyAsync(threadId, "Here is a photo", new TestFile("yard.jpg", TestFile.Pdf().Bytes));
        var staffHtml = await office.Staff.StaffReplyAsync(threadId, "Our page", TestFile.Html("offer.htm"));

        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("“page.html” is a kind of file we can't accept", (await html.DocumentAsync()).TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fakeJpeg.StatusCode);
        Assert.Contains("named like a JPEG image, but its contents are not one", (await fakeJpeg.DocumentAsync()).TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, staffHtml.StatusCode);
        Assert.Contains("can't accept", (await staffHtml.DocumentAsync()).TextOf("reply-error"), StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync<Message>(office.Tenant));
        Assert.Empty(host.FilesOnDisk(office.Tenant));
    }

    [Fact]
    public async Task An_attachment_over_the_size_limit_or_too_many_files_is_refused_with_nothing_stored()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Photos", "See below.")).ThreadId();
        var big = TestFile.Pdf();
        big = big with { Name = "scan.pdf", Bytes = [.. big.Bytes, .. new byte[MessagesApp.MaxUploadBytes]] };

        var tooBig = await casey.Browser.CustomerReplyAsync(threadId, "Big scan", big);
        var tooMany = await casey.Browser.CustomerReplyAsync(threadId, "Four files", TestFile.Png("1.png"), TestFile.Png("2.png"), TestFile.Png("3.png"), TestFile.Png("4.png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var page = await tooBig.DocumentAsync();
        Assert.Contains("“scan.pdf” is", page.TextOf("message-error"), StringComparison.Ordinal);
        Assert.Contains("attachments can be at most 64 KB each", page.TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal("Big scan", page.GetElementById("message-body")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Attach at most 3 files", (await tooMany.DocumentAsync()).TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync<Message>(office.Tenant));
        Assert.Empty(host.FilesOnDisk(office.Tenant));
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Hello", "First.")).ThreadId();

        var response = await Conversations.PostAsync(casey.Browser, Conversations.Thread(threadId), Conversations.Thread(threadId), [new("Body", "Forged")], [], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was sent", (await response.DocumentAsync()).TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync<Message>(office.Tenant));
    }

    [Fact]
    public async Task Markup_in_a_message_is_shown_as_text_on_both_sides()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        const string Hostile = "<script>alert('x')</script><b>bold</b>";

        var threadId = (await casey.Browser.CustomerStartAsync(null, "<i>Subject</i>", Hostile)).ThreadId();

        foreach (var (client, path) in new[] { (casey.Browser, Conversations.Thread(threadId)), (office.Staff, "/admin" + Conversations.Thread(threadId)) })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
            var page = await client.PageAsync(path);
            Assert.Contains(Hostile, page.QuerySelector(".message-body")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector(".message-body b"));
        }
    }
}
