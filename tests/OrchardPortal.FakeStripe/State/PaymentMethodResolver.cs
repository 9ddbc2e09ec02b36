using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.State;

/// <summary>Turns a <c>payment_method</c> parameter into a stored payment method.</summary>
public static class PaymentMethodResolver
{
    /// <summary>
    /// A test id (<c>pm_card_visa</c>) creates a new <c>pm_…</c> object each time, as Stripe does;
    /// a real id must exist in this account and must not have been consumed.
    /// </summary>
    public static PaymentMethodRecord Resolve(Account account, OperationContext context, string id, string param = "payment_method")
    {
        if (TestPaymentMethods.TryGet(id, out var method))
        {
            return Create(account, context, method, verified: !method.NeedsMicrodeposits);
        }

        if (!account.PaymentMethods.TryGet(id, out var record))
        {
            throw StripeException.NoSuch("PaymentMethod", id, param);
        }

        if (record.Consumed)
        {
            throw new StripeException(400, "invalid_request_error", null,
                "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, or was detached from a Customer. " +
                "It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.", param);
        }

        return record;
    }

    public static PaymentMethodRecord Create(Account account, OperationContext context, TestMethod method, bool verified)
    {
        var record = new PaymentMethodRecord
        {
            Id = StripeIds.New("pm"),
            Created = context.Now,
            Method = method,
            Verified = verified,
            ExpYear = context.Clock.UtcNow.Year + 3,
        };
        account.PaymentMethods.Add(record);
        return record;
    }

    /// <summary>Attaches to a customer (no-op when already theirs) and records payment_method.attached.</summary>
    public static void Attach(Account account, OperationContext context, PaymentMethodRecord method, string customerId)
    {
        if (method.CustomerId == customerId)
        {
            return;
        }

        if (method.CustomerId is not null)
        {
            throw new StripeException(400, "invalid_request_error", null,
                $"The payment method you provided has already been attached to a customer ({method.CustomerId}).", "payment_method");
        }

        method.CustomerId = customerId;
        EventLog.Raise(account, context, "payment_method.attached", method.ToJson());
    }

    public static CustomerRecord Customer(Account account, string id, string param = "customer")
    {
        if (!account.Customers.TryGet(id, out var customer) || customer.Deleted)
        {
            throw StripeException.NoSuch("customer", id, param);
        }

        return customer;
    }
}
