using System.Globalization;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Messages.Models;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Messages.Subjects;

// Portal paths are Billing's own (/invoices/{id}, /estimates/{id}); its helper for them is internal.

/// <summary>The customer's invoices (never drafts, which the customer cannot see), through Billing's InvoiceService.</summary>
internal sealed class InvoiceSubjectSource(InvoiceService invoices) : IMessageSubjectSource
{
    public MessageSubjectKind Kind => MessageSubjectKind.Invoice;

    public async Task<MessageSubject?> FindAsync(long customerId, long id, CancellationToken cancellationToken) =>
        await invoices.GetAsync(id, cancellationToken) is { } invoice && invoice.CustomerId == customerId && invoice.Status != InvoiceStatus.Draft
            ? Describe(invoice)
            : null;

    public async Task<IReadOnlyList<MessageSubject>> ListAsync(long customerId, CancellationToken cancellationToken) =>
        [.. (await invoices.ForCustomerAsync(customerId, cancellationToken)).Select(Describe)];

    private static MessageSubject Describe(Invoice invoice) =>
        new(MessageSubjectKind.Invoice, invoice.Id, "Invoice " + invoice.Number, "/invoices/" + invoice.Id.ToString(CultureInfo.InvariantCulture), PortalTabs.Invoices.Key, BillingPaths.Invoice(invoice.Id));
}

/// <summary>The customer's estimates (never drafts), through Billing's EstimateService.</summary>
internal sealed class EstimateSubjectSource(EstimateService estimates) : IMessageSubjectSource
{
    public MessageSubjectKind Kind => MessageSubjectKind.Estimate;

    public async Task<MessageSubject?> FindAsync(long customerId, long id, CancellationToken cancellationToken) =>
        await estimates.GetAsync(id, cancellationToken) is { } estimate && estimate.CustomerId == customerId && estimate.Status != EstimateStatus.Draft
            ? Describe(estimate)
            : null;

    public async Task<IReadOnlyList<MessageSubject>> ListAsync(long customerId, CancellationToken cancellationToken) =>
        [.. (await estimates.ForCustomerAsync(customerId, cancellationToken)).Select(Describe)];

    private static MessageSubject Describe(Estimate estimate) =>
        new(MessageSubjectKind.Estimate, estimate.Id, "Estimate " + estimate.Number, "/estimates/" + estimate.Id.ToString(CultureInfo.InvariantCulture), PortalTabs.Estimates.Key, BillingPaths.Estimate(estimate.Id));
}
