using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Services;
using OrchardPortal.Messages.Subjects;

namespace OrchardPortal.Messages.Pages.Admin.Messages;

/// <summary>
/// The staff inbox: every conversation, most recent activity first, filtered by unread, what it is about,
/// a customer (search words, or one customer from their page) and open/closed.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class MessageInboxModel(MessageService messages, CustomerService customers, MessageSubjectResolver subjects) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "about")]
    public string? About { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "customer")]
    public long? CustomerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Customer? Customer { get; private set; }

    public InboxPage Result { get; private set; } = new([], 0, 1);

    public IReadOnlyDictionary<long, Customer> Customers { get; private set; } = new Dictionary<long, Customer>();

    public IReadOnlyList<MessageSubjectKind> Kinds => subjects.Kinds;

    public bool IsFiltered => UnreadOnly || About is { Length: > 0 } || !string.IsNullOrWhiteSpace(Search) || Status is "open" or "closed" || CustomerId is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyCollection<long>? customerIds = null;
        if (CustomerId is { } id)
        {
            Customer = await customers.GetAsync(id, cancellationToken);
            if (Customer is null)
            {
                return NotFound();
            }

            customerIds = [id];
        }
        else if (!string.IsNullOrWhiteSpace(Search))
        {
            var found = await customers.SearchAsync(new CustomerQuery { Text = Search.Trim(), PageSize = CustomerQuery.MaxPageSize }, cancellationToken);
            customerIds = [.. found.Items.Select(c => c.Id)];
        }

        Result = await messages.InboxAsync(new InboxQuery
        {
            UnreadOnly = UnreadOnly,
            Kind = MessageSubjectKeys.ParseKind(About),
            CustomerIds = customerIds,
            Closed = Status switch { "open" => false, "closed" => true, _ => null },
            Page = PageNumber,
        }, cancellationToken);
        var ids = Result.Items.Select(s => s.Thread.CustomerId).Distinct().ToList();
        Customers = (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        return Page();
    }

    public string CustomerName(MessageThread thread) =>
        Customers.TryGetValue(thread.CustomerId, out var customer) ? customer.DisplayName : "Removed customer";

    /// <summary>This page's address with the same filters on another page of results.</summary>
    public string PageUrl(int page) => MessagePaths.Admin + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["unread"] = UnreadOnly ? "true" : null,
        ["about"] = About,
        ["q"] = Search,
        ["status"] = Status,
        ["customer"] = CustomerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
