using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>
/// The bulk form's two helpers: every customer the list shows (for "all matching customers", which can
/// be thousands, read a page of ids at a time), and the summary staff read afterwards.
/// </summary>
internal sealed partial class BulkSelection(PortalUserService users, CustomerService customers)
{
    /// <summary>A bulk action covers at most this many customers (a search's whole result at 50,000 customers).</summary>
    public const int MaxCustomers = 50_000;

    // The largest page the customer search serves; "all matching" reads the whole list this many at a time.
    private const int ReadPageSize = CustomerQuery.MaxPageSize;
    private const int NamesPerReason = 10;

    public async Task<IReadOnlyList<long>> AllMatchingAsync(string? text, bool withoutAccount, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        for (var page = 1; ids.Count < MaxCustomers; page++)
        {
            var result = await users.SearchAsync(new PortalUserQuery { Text = text, WithoutAccount = withoutAccount, Page = page, PageSize = ReadPageSize }, cancellationToken);
            ids.AddRange(result.Items.Select(r => r.CustomerId));
            // A page past the end comes back as the last page: stop at the last one.
            if (result.Page < page || result.Page >= result.PageCount || result.Items.Count == 0)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>"412 registration links queued; … 3 customers skipped: Ana Ruiz (C-000012), … — has no valid email address. …".</summary>
    public async Task<string> SummarizeAsync(PortalBulkResult result, bool invitations, CancellationToken cancellationToken)
    {
        var noun = (invitations, result.Sent == 1) switch
        {
            (true, true) => "registration link",
            (true, false) => "registration links",
            (false, true) => "password-reset email",
            (false, false) => "password-reset emails",
        };
        var text = new StringBuilder(Count(result.Sent, noun)).Append(" queued; they go out in the background.");
        // Messages name the customer or address ("Ana Ruiz has no valid email address…"); without those
        // parts, problems with the same cause read the same and are listed together.
        foreach (var group in result.Problems.GroupBy(Reason, StringComparer.Ordinal))
        {
            var names = new List<string>();
            foreach (var problem in group.Take(NamesPerReason))
            {
                var account = (await customers.GetAsync(problem.CustomerId, cancellationToken))?.AccountNumber;
                var name = problem.CustomerName ?? "#" + problem.CustomerId.ToString(CultureInfo.InvariantCulture);
                names.Add(account is null ? name : $"{name} ({account})");
            }

            var more = group.Count() - names.Count;
            text.Append(' ').Append(Count(group.Count(), group.Count() == 1 ? "customer" : "customers")).Append(" skipped: ")
                .Append(string.Join(", ", names))
                .Append(more > 0 ? string.Create(CultureInfo.InvariantCulture, $" and {more:N0} more") : "")
                .Append(" — ").Append(group.Key.EndsWith('.') ? group.Key : group.Key + ".");
        }

        return text.ToString();
    }

    private static string Reason(PortalBulkProblem problem)
    {
        var reason = problem.Message;
        if (!string.IsNullOrEmpty(problem.CustomerName))
        {
            reason = reason.Replace(problem.CustomerName, "", StringComparison.Ordinal);
        }

        reason = EmailLike().Replace(reason, "").Trim();
        return reason.Length > 0 && char.IsUpper(reason[0]) && reason.Length > 1 && !char.IsUpper(reason[1]) ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
    }

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex EmailLike();

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}");
}
