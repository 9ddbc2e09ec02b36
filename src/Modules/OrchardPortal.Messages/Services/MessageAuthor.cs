using System.Globalization;
using System.Security.Claims;
using OrchardPortal.Messages.Models;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Messages.Services;

/// <summary>Who is writing: a customer's portal user or a staff member, with the name the other side sees.</summary>
public sealed record MessageAuthor(MessageAuthorKind Kind, long? PortalUserId, long? StaffUserId, string Name)
{
    public static MessageAuthor ForCustomer(PortalCustomer customer) =>
        new(MessageAuthorKind.Customer, customer.UserId, null, NonEmpty(customer.UserName) ?? NonEmpty(customer.UserEmail) ?? customer.Name);

    /// <summary>The signed-in staff member, from the claims their sign-in put in the Staff cookie.</summary>
    public static MessageAuthor ForStaff(ClaimsPrincipal user)
    {
        var id = long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        return new(MessageAuthorKind.Staff, null, id, NonEmpty(user.FindFirstValue(ClaimTypes.Name)) ?? NonEmpty(user.FindFirstValue(ClaimTypes.Email)) ?? "Our office");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
