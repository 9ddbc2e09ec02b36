using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.PortalUsers.UpdateInformation;

/// <summary>
/// The portal's "Update information" page. A signed-in customer sees their contact details, edits them
/// and sends the change for staff approval; the page then shows the pending request, and after staff
/// decide, the outcome (with the reason when declined). It only ever works on the signed-in customer's
/// own record, taken from the sign-in, never from the URL or the form.
/// </summary>
public sealed class UpdateInformationPage(
    ICurrentPortalCustomer current,
    CustomerPortalAccessService access,
    CustomerService customers,
    ContactChangeService changes,
    IThemeRenderer renderer,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public const string Path = "/account/update-information";

    public const string StaleFormMessage = "This page was open too long, so for your security nothing was sent. Please check your details and send them again.";

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public async Task<IResult> ShowAsync(bool sent, CancellationToken cancellationToken)
    {
        var (customer, refusal) = await SignedInCustomerAsync(cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var pending = await changes.FindPendingForCustomerAsync(customer.Id, cancellationToken);
        var values = pending is null ? UpdateInformationForm.FromRecord(customer) : UpdateInformationForm.FromRequest(ContactChangeService.ReadChanges(pending));
        return await RenderAsync(customer, pending, values, NoErrors, sent && pending is not null, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(CancellationToken cancellationToken)
    {
        var (customer, refusal) = await SignedInCustomerAsync(cancellationToken);
        if (customer is null)
        {
            return refusal!;
        }

        var form = await ReadFormAsync(cancellationToken);
        if (form is null)
        {
            var stale = new Dictionary<string, string> { [""] = StaleFormMessage };
            var pendingNow = await changes.FindPendingForCustomerAsync(customer.Id, cancellationToken);
            return await RenderAsync(customer, pendingNow, UpdateInformationForm.FromRecord(customer), stale, sent: false, cancellationToken, StatusCodes.Status400BadRequest);
        }

        var requested = UpdateInformationForm.Read(form, customer);
        var portalUser = (await current.GetAsync(cancellationToken))?.UserId?.ToString(CultureInfo.InvariantCulture);
        var result = await changes.SubmitAsync(customer.Id, requested, portalUser, cancellationToken);
        if (result.Succeeded)
        {
            // Post, redirect, get: a reload does not send the request twice.
            return Results.Redirect(Path + "?sent=1");
        }

        var pending = await changes.FindPendingForCustomerAsync(customer.Id, cancellationToken);
        var errors = result.NotFound
            ? new Dictionary<string, string> { [""] = "Your account could not be found. Please contact us." }
            : result.Errors;
        return await RenderAsync(customer, pending, UpdateInformationForm.FromRequest(requested), errors, sent: false, cancellationToken);
    }

    // The posted form when its antiforgery token is valid; otherwise null, and nothing may change.
    private async Task<IFormCollection?> ReadFormAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext!;
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    // The signed-in customer's record, or what to answer instead: the sign-in page, or "unavailable".
    private async Task<(Customer? Customer, IResult? Refusal)> SignedInCustomerAsync(CancellationToken cancellationToken)
    {
        var signedIn = await current.GetAsync(cancellationToken);
        if (signedIn is null || !long.TryParse(signedIn.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, Results.Redirect(PortalGlobalsProvider.SignInPath + "?returnUrl=" + Uri.EscapeDataString(Path)));
        }

        if ((await access.FindAsync(signedIn.Id, cancellationToken))?.DenyPortal == true)
        {
            return (null, await renderer.RenderPageAsync("AccessDenied", new Dictionary<string, object?>(),
                new ThemePageOptions { Title = "Portal unavailable", StatusCode = StatusCodes.Status403Forbidden }, cancellationToken));
        }

        var customer = await customers.GetAsync(id, cancellationToken);
        return customer is null
            ? (null, await renderer.RenderPageAsync("NotFound", new Dictionary<string, object?>(), new ThemePageOptions { Title = "Page not found", StatusCode = StatusCodes.Status404NotFound }, cancellationToken))
            : (customer, null);
    }

    private async Task<IResult> RenderAsync(
        Customer customer, ContactChangeRequest? pending, ContactDetails values, IReadOnlyDictionary<string, string> errors, bool sent,
        CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var form = UpdateInformationForm.Model(values, errors);
        form["antiforgery_field"] = tokens.FormFieldName;
        form["antiforgery_token"] = tokens.RequestToken;
        form["action"] = Path;
        form["error"] = errors.GetValueOrDefault("");
        form["errors"] = errors.Where(e => e.Key.Length > 0).Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();

        var model = new Dictionary<string, object?>
        {
            ["form"] = form,
            ["sent"] = sent,
            ["pending"] = pending is null ? null : Pending(customer, pending),
            ["decision"] = pending is null ? await DecisionAsync(customer.Id, cancellationToken) : null,
        };
        return await renderer.RenderPageAsync("UpdateInformation", model, new ThemePageOptions { Title = "Update your information", StatusCode = statusCode }, cancellationToken);
    }

    private static Dictionary<string, object?> Pending(Customer customer, ContactChangeRequest pending)
    {
        var rows = ContactDiff.Compare(CustomerDetails.From(customer), ContactChangeService.ReadChanges(pending)).Where(r => r.Changed);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["submitted_at"] = pending.CreatedUtc,
            ["changes"] = rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["field"] = r.Field,
                ["current"] = r.Current.ToList(),
                ["requested"] = r.Requested.ToList(),
            }).ToList(),
        };
    }

    private async Task<Dictionary<string, object?>?> DecisionAsync(long customerId, CancellationToken cancellationToken)
    {
        var latest = await changes.FindLatestDecisionForCustomerAsync(customerId, cancellationToken);
        return latest is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["approved"] = latest.Status == ContactChangeStatus.Approved,
            ["declined"] = latest.Status == ContactChangeStatus.Declined,
            ["reason"] = latest.DeclineReason,
            ["submitted_at"] = latest.CreatedUtc,
            ["decided_at"] = latest.DecidedUtc,
        };
    }
}
