using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>/v1/refunds: create (full or partial), retrieve, list.</summary>
public static class RefundsApi
{
    public static ApiResult? Handle(ApiRequest request)
    {
        var s = request.Segments;
        return (request.Method, s.Length) switch
        {
            ("POST", 1) => Create(request),
            ("GET", 1) => List(request),
            ("GET", 2) => ApiResult.Ok(Find(request.Account, s[1]).ToJson()),
            _ => null,
        };
    }

    private static RefundRecord Find(Account account, string id) =>
        account.Refunds.TryGet(id, out var refund) ? refund : throw StripeException.NoSuch("refund", id);

    private static ApiResult Create(ApiRequest request)
    {
        var form = request.Form;
        form.AllowOnly("payment_intent", "charge", "amount", "reason", "metadata");
        var requested = form.OptionalLong("amount");
        if (requested is < 1)
        {
            throw StripeException.Invalid("amount", "Invalid positive integer", "parameter_invalid_integer");
        }

        var reason = form.OptionalEnum("reason", "duplicate", "fraudulent", "requested_by_customer");
        var charge = FindCharge(request);
        if (charge.Status != "succeeded")
        {
            throw new StripeException(400, "invalid_request_error", "charge_not_refundable",
                $"Charge {charge.Id} cannot be refunded because its status is {charge.Status}.", "charge");
        }

        var remaining = charge.Amount - charge.AmountRefunded;
        if (remaining == 0)
        {
            throw new StripeException(400, "invalid_request_error", "charge_already_refunded", $"Charge {charge.Id} has already been refunded.", "charge");
        }

        var amount = requested ?? remaining;
        if (amount > remaining)
        {
            throw new StripeException(400, "invalid_request_error", "amount_too_large",
                $"Refund amount ({Display(amount, charge.Currency)}) is greater than unrefunded amount on charge ({Display(remaining, charge.Currency)})",
                "amount");
        }

        var refund = new RefundRecord
        {
            Id = StripeIds.New("re"),
            Created = request.Context.Now,
            Amount = amount,
            Currency = charge.Currency,
            ChargeId = charge.Id,
            PaymentIntentId = charge.PaymentIntentId,
            Reason = reason,
        };
        JsonShapes.Merge(refund.Metadata, form.GetMap("metadata"));
        var before = charge.AmountRefunded;
        charge.AmountRefunded += amount;
        request.Account.Refunds.Add(refund);
        EventLog.Raise(request.Account, request.Context, "refund.created", refund.ToJson());
        EventLog.Raise(request.Account, request.Context, "charge.refunded", charge.ToJson(),
            new System.Text.Json.Nodes.JsonObject { ["amount_refunded"] = before, ["refunded"] = false });
        return ApiResult.Ok(refund.ToJson());
    }

    private static ChargeRecord FindCharge(ApiRequest request)
    {
        var account = request.Account;
        if (request.Form.Get("charge") is { Length: > 0 } chargeId)
        {
            return account.Charges.TryGet(chargeId, out var charge) ? charge : throw StripeException.NoSuch("charge", chargeId, "charge");
        }

        var intentId = request.Form.Get("payment_intent");
        if (intentId is not { Length: > 0 })
        {
            throw new StripeException(400, "invalid_request_error", "parameter_missing",
                "One of the following params should be provided for this request: payment_intent or charge.", "payment_intent", saved: false);
        }

        var intent = PaymentIntentsApi.Find(account, intentId);
        if (intent.LatestChargeId is null || !account.Charges.TryGet(intent.LatestChargeId, out var latest))
        {
            throw new StripeException(400, "invalid_request_error", "charge_not_refundable",
                $"This PaymentIntent ({intent.Id}) does not have a successful charge to refund.", "payment_intent");
        }

        return latest;
    }

    private static ApiResult List(ApiRequest request)
    {
        var intent = request.Form.Get("payment_intent");
        var charge = request.Form.Get("charge");
        var (items, more) = request.Account.Refunds.Page(
            r => (intent is null || r.PaymentIntentId == intent) && (charge is null || r.ChargeId == charge),
            request.Form.Limit(), request.Form.Get("starting_after"));
        return ApiResult.Ok(JsonShapes.List("/v1/refunds", items.Select(r => r.ToJson()), more));
    }

    private static string Display(long amount, string currency) => currency == "jpy"
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount} {currency}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount / 100m:0.00} {currency}");
}
