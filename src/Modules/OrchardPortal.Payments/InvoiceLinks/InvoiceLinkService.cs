using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>
/// Emails an invoice with its no-sign-in link (the tenant's <c>invoice</c> template, queued in the outbox in the
/// same SaveChanges as the link row, so there is never a link without its email or an email without its link),
/// and finds the invoice a link opens.
/// </summary>
public sealed class InvoiceLinkService(
    TenantDbContext db,
    TenantScope tenant,
    InvoiceService invoices,
    CustomerService customers,
    BillingContext billing,
    IEmailTemplateService templates,
    IEmailOutbox outbox,
    IOptions<InvoiceLinkOptions> options,
    TimeProvider clock)
{
    /// <summary>Emails invoice <paramref name="invoiceId"/> to its customer with a new link under <paramref name="origin"/> (e.g. <c>https://acme.example.com</c>).</summary>
    public async Task<SendInvoiceResult> SendAsync(long invoiceId, string origin, CancellationToken cancellationToken)
    {
        var (invoice, to, refusal) = await CheckSendableAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return new SendInvoiceResult(false, true, null, null);
        }

        if (refusal is not null)
        {
            return new SendInvoiceResult(false, false, refusal, null);
        }

        var customer = (await customers.GetAsync(invoice.CustomerId, cancellationToken))!;
        var token = InvoiceLinkTokens.NewToken();
        var now = clock.GetUtcNow();
        db.Add(new InvoiceLink
        {
            TokenHash = InvoiceLinkTokens.Hash(tenant.Required.Name, token),
            InvoiceId = invoice.Id,
            CustomerId = invoice.CustomerId,
            SentTo = to!,
            CreatedUtc = now,
            ExpiresUtc = now + options.Value.Lifetime,
        });

        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var url = origin.TrimEnd('/') + InvoiceLinkPaths.Link(token);
        var model = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = customer.DisplayName, ["account_number"] = customer.AccountNumber },
            ["invoice"] = new Dictionary<string, object?>
            {
                ["number"] = invoice.Number,
                ["total"] = money(invoice.Total),
                ["balance"] = money(invoice.Balance),
                ["due_date"] = invoice.DueDate.ToString("D", culture),
                ["pay_url"] = url,
                ["view_url"] = url,
            },
            ["link"] = url,
            ["expires_days"] = (int)Math.Round(options.Value.Lifetime.TotalDays),
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.Invoice, to!, customer.DisplayName, model, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new SendInvoiceResult(true, false, null, to);
    }

    /// <summary>The invoice and the address it would go to, or why it cannot be emailed (null invoice: not found).</summary>
    public async Task<(Invoice? Invoice, string? To, string? Refusal)> CheckSendableAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return (null, null, null);
        }

        if (!invoice.IsOpenForPayment)
        {
            return (invoice, null, invoice.Status == InvoiceStatus.Draft
                ? "Issue the invoice before emailing it."
                : $"Invoice {invoice.Number} is {InvoiceStatusRule.Label(invoice.Status).ToLowerInvariant()}; only an invoice with a balance to pay can be emailed.");
        }

        var customer = await customers.GetAsync(invoice.CustomerId, cancellationToken);
        return customer?.PrimaryEmail is { Length: > 0 } to
            ? (invoice, to, null)
            : (invoice, null, $"{invoice.CustomerName} has no email address. Add one on the customer's page, then email the invoice.");
    }

    /// <summary>The link for <paramref name="token"/> on this tenant, or null (unknown, malformed, another tenant's).</summary>
    public async Task<InvoiceLink?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!InvoiceLinkTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = InvoiceLinkTokens.Hash(tenant.Required.Name, token!);
        return await db.Set<InvoiceLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
    }

    public bool IsExpired(InvoiceLink link) => clock.GetUtcNow() >= link.ExpiresUtc;
}

/// <summary>What happened when staff emailed an invoice.</summary>
public sealed record SendInvoiceResult(bool Sent, bool NotFound, string? Error, string? SentTo);
