using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>Fills the Request service tab (the Portal module has already applied the access rule).</summary>
public sealed class RequestServiceTabContent(RequestServiceModel form, IHttpContextAccessor http) : IPortalTabContent
{
    public const string SentNotice = "Thank you — your request was sent. We’ll be in touch, and you can follow it below.";

    public string TabKey => PortalTabs.RequestService.Key;

    public Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        // Post, redirect, get: the redirect after sending carries ?sent=1 so the page can say it worked.
        var sent = string.Equals(http.HttpContext?.Request.Query["sent"].ToString(), "1", StringComparison.Ordinal);
        return form.FillAsync(customer, model, new RequestFormValues(), errors: null, sent ? SentNotice : null, cancellationToken);
    }
}
