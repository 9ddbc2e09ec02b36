using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Statements;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Billing.CustomerPortal;

/// <summary>What the customer's billing URLs answer (see <see cref="BillingPortalEndpoints"/>).</summary>
public sealed class BillingPortalPages(
    IThemeRenderer renderer, PortalPages portal, IPortalAccessPolicy policy, ICurrentPortalCustomer current, IAntiforgery antiforgery,
    IHttpContextAccessor http, InvoiceService invoices, EstimateService estimates, StatementService statements, BillingContext billing)
{
    public async Task<IResult> InvoiceAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, stop) = await GateAsync(PortalTabs.Invoices, PortalBillingModel.InvoiceUrl(id), cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var invoice = await invoices.GetAsync(id, cancellationToken);
        if (invoice is null || invoice.CustomerId != customer.CustomerId || invoice.Status == InvoiceStatus.Draft)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var culture = await billing.CultureAsync(cancellationToken);
        var model = new Dictionary<string, object?> { ["invoice"] = PortalBillingModel.Invoice(invoice, culture) };
        return await renderer.RenderPageAsync("Invoice", model, new ThemePageOptions { Title = "Invoice " + invoice.Number }, cancellationToken);
    }

    public async Task<IResult> EstimateAsync(long id, DecisionForm? form, CancellationToken cancellationToken)
    {
        var (customer, stop) = await GateAsync(PortalTabs.Estimates, PortalBillingModel.EstimateUrl(id), cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var estimate = await estimates.GetAsync(id, cancellationToken);
        if (estimate is null || estimate.CustomerId != customer.CustomerId || estimate.Status == EstimateStatus.Draft)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var culture = await billing.CultureAsync(cancellationToken);
        var status = EstimateStatusRule.Of(estimate, await billing.TodayAsync(cancellationToken));
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var model = new Dictionary<string, object?>
        {
            ["estimate"] = PortalBillingModel.Estimate(estimate, status, culture),
            ["form"] = new Dictionary<string, object?>
            {
                ["action"] = PortalBillingModel.EstimateUrl(id),
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
                ["signed_name"] = form?.SignedName ?? customer.UserName ?? "",
                ["comment"] = form?.Comment ?? "",
                ["error"] = form?.Error,
                ["notice"] = form?.Notice,
            },
        };
        return await renderer.RenderPageAsync("Estimate", model, new ThemePageOptions { Title = "Estimate " + estimate.Number, StatusCode = form?.StatusCode ?? StatusCodes.Status200OK }, cancellationToken);
    }

    /// <summary>Approve (typed name as signature) or decline (optional comment); the time and IP address are recorded by the service.</summary>
    public async Task<IResult> DecideAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, stop) = await GateAsync(PortalTabs.Estimates, PortalBillingModel.EstimateUrl(id), cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var form = await ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await EstimateAsync(id, new DecisionForm(null, null, "This page was open too long. Please try again.", null, StatusCodes.Status400BadRequest), cancellationToken);
        }

        var name = Clip(form["signed_name"].ToString());
        var comment = Clip(form["comment"].ToString(), 600);
        var ip = http.HttpContext!.Connection.RemoteIpAddress?.ToString();
        var result = form["decision"].ToString() switch
        {
            "approve" => await estimates.ApproveAsync(customer.CustomerId, id, name, ip, cancellationToken),
            "decline" => await estimates.DeclineAsync(customer.CustomerId, id, comment, ip, cancellationToken),
            _ => BillingResult.Refused("Choose approve or decline.", id),
        };
        if (result.NotFound)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        return result.Succeeded
            ? Results.Redirect(PortalBillingModel.EstimateUrl(id))
            : await EstimateAsync(id, new DecisionForm(name, comment, result.Message, null, StatusCodes.Status422UnprocessableEntity), cancellationToken);
    }

    /// <summary>The statement for a date range (default: the last 90 days), as a page or a PDF; open to anyone who may see Invoices or History.</summary>
    public async Task<IResult> StatementAsync(string? from, string? to, bool pdf, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        var tab = customer is not null && await policy.CheckTabForAsync(customer, PortalTabs.History.Key, cancellationToken) == PortalAccessDecision.Allowed
            ? PortalTabs.History
            : PortalTabs.Invoices;
        (customer, var stop) = await GateAsync(tab, BillingPortalEndpoints.StatementPath, cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var (start, end, error) = await statements.RangeAsync(from, to, cancellationToken);
        var statement = await statements.BuildAsync(customer.CustomerId, start, end, cancellationToken);
        if (statement is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        if (pdf)
        {
            return Results.File(StatementPdf.Render(statement), "application/pdf", StatementPdf.FileName(statement));
        }

        var culture = await billing.CultureAsync(cancellationToken);
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var model = new Dictionary<string, object?>
        {
            ["statement"] = new Dictionary<string, object?>
            {
                ["from"] = start.ToString("yyyy-MM-dd", iso),
                ["to"] = end.ToString("yyyy-MM-dd", iso),
                ["from_label"] = PortalBillingModel.Date(start, culture),
                ["to_label"] = PortalBillingModel.Date(end, culture),
                ["opening"] = statement.Opening,
                ["closing"] = statement.Closing,
                ["rows"] = statement.Rows.Select(r => new Dictionary<string, object?>(PortalBillingModel.Entry(r.Entry, culture)) { ["balance"] = r.Balance }).ToList(),
                ["pdf_url"] = $"{BillingPortalEndpoints.StatementPath}.pdf?from={start.ToString("yyyy-MM-dd", iso)}&to={end.ToString("yyyy-MM-dd", iso)}",
                ["error"] = error,
            },
        };
        return await renderer.RenderPageAsync("Statement", model, new ThemePageOptions { Title = "Statement of account" }, cancellationToken);
    }

    // The tab rules first (hidden or not permitted: 404; denied: the portal's own answer), then sign-in.
    private async Task<(PortalCustomer? Customer, IResult? Stop)> GateAsync(PortalTab tab, string returnUrl, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        var decision = await policy.CheckTabForAsync(customer, tab.Key, cancellationToken);
        return decision switch
        {
            PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted => (null, await portal.NotFoundAsync(cancellationToken)),
            PortalAccessDecision.PortalDenied => (null, await portal.TabAsync(tab, cancellationToken)),
            _ when customer is null => (null, await portal.SignInAsync(returnUrl, tab, cancellationToken)),
            _ => (customer, null),
        };
    }

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

    private static string Clip(string value, int length = 200) => value.Length > length ? value[..length] : value;
}

/// <summary>What the customer typed on the estimate page, shown again with why it was not accepted.</summary>
public sealed record DecisionForm(string? SignedName, string? Comment, string? Error, string? Notice, int StatusCode);
