using Microsoft.EntityFrameworkCore;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

public sealed partial class PortalUserService
{
    /// <summary>
    /// One page of "Manage portal users": customers with at least one portal user (any status), or with
    /// <see cref="PortalUserQuery.WithoutAccount"/> customers with none; each row with the customer's
    /// name, account number, autopay flag and users. Paged by customer with the customer list's own search
    /// (its indexed "has portal account" filter), then the page's users in one query.
    /// </summary>
    public async Task<PortalUserPage> SearchAsync(PortalUserQuery query, CancellationToken cancellationToken)
    {
        var page = await customers.SearchAsync(new CustomerQuery
        {
            Text = query.Text,
            Status = query.Status,
            HasPortalAccount = !query.WithoutAccount,
            Sort = query.Sort,
            Descending = query.Descending,
            Page = query.Page,
            PageSize = query.PageSize,
        }, cancellationToken);

        var ids = page.Items.Select(c => c.Id).ToList();
        var users = query.WithoutAccount ? [] : await db.Set<PortalUser>().AsNoTracking()
            .Where(u => ids.Contains(u.CustomerId))
            .OrderBy(u => u.Id)
            .Select(u => new PortalUserSummary(u.Id, u.CustomerId, u.Email, u.Name, u.Status, u.LastSignInUtc, u.InvitedUtc))
            .ToListAsync(cancellationToken);
        var byCustomer = users.ToLookup(u => u.CustomerId);
        var rows = page.Items.Select(c =>
        {
            var own = byCustomer[c.Id].ToList();
            var lastSignIn = own.Select(u => u.LastSignInUtc).Where(t => t is not null).Max() ?? c.LastPortalSignInUtc;
            return new PortalAccountRow(c.Id, c.AccountNumber, c.DisplayName, c.PrimaryEmail, c.Status, c.AutopayEnabled, lastSignIn, own);
        }).ToList();
        return new PortalUserPage(rows, page.TotalCount, page.Page, page.PageSize);
    }
}
