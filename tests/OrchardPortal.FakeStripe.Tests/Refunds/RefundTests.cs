using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Refunds;

public sealed class RefundTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_partial_then_the_remaining_refund_leave_the_charge_fully_refunded()
    {
        using var stripe = fixture.NewAccount();
        var intent = await PaidAsync(stripe, 10000);

        var partial = (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent), ("amount", "2500"), ("reason", "requested_by_customer"))).Ok();
        Assert.StartsWith("re_", partial.Str("id"));
        Assert.Equal("succeeded", partial.Str("status"));
        Assert.Equal(2500, partial.Json.Number("amount"));
        var charge = Assert.Single(stripe.Account.Charges());
        Assert.Equal(2500, charge.AmountRefunded);

        var rest = (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent))).Ok();
        Assert.Equal(7500, rest.Json.Number("amount"));

        var refunded = (await stripe.GetAsync($"/v1/charges/{charge.Id}")).Ok();
        Assert.Equal(10000, refunded.Json.Number("amount_refunded"));
        Assert.True(refunded.Json["refunded"]!.GetValue<bool>());
        Assert.Equal(partial.Body, (await stripe.GetAsync($"/v1/refunds/{partial.Str("id")}")).Ok().Body);
        Assert.Equal(2, stripe.Account.Events().Count(e => e.Type == "charge.refunded"));
    }

    [Fact]
    public async Task Refunding_more_than_remains_is_refused_and_changes_nothing()
    {
        using var stripe = fixture.NewAccount();
        var intent = await PaidAsync(stripe, 10000);
        (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent), ("amount", "6000"))).Ok();

        var tooMuch = await stripe.PostAsync("/v1/refunds", ("payment_intent", intent), ("amount", "4001"));

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Equal("amount_too_large", tooMuch.Error.Str("code"));
        Assert.Equal("Refund amount (40.01 usd) is greater than unrefunded amount on charge (40.00 usd)", tooMuch.Error.Str("message"));
        Assert.Equal(6000, Assert.Single(stripe.Account.Charges()).AmountRefunded);
    }

    [Fact]
    public async Task Refunding_a_fully_refunded_charge_says_so()
    {
        using var stripe = fixture.NewAccount();
        var intent = await PaidAsync(stripe, 5000);
        (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent))).Ok();

        var again = await stripe.PostAsync("/v1/refunds", ("payment_intent", intent));

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("charge_already_refunded", again.Error.Str("code"));
    }

    [Fact]
    public async Task An_unpaid_intent_cannot_be_refunded()
    {
        using var stripe = fixture.NewAccount();
        var open = (await stripe.PostAsync("/v1/payment_intents", ("amount", "5000"), ("currency", "usd"))).Ok().Str("id");

        var refused = await stripe.PostAsync("/v1/refunds", ("payment_intent", open));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("charge_not_refundable", refused.Error.Str("code"));
    }

    private static async Task<string> PaidAsync(StripeTestClient stripe, long amount) =>
        (await stripe.PostAsync("/v1/payment_intents", ("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok().Str("id");
}
