using System.Net;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.PaymentIntents;

public sealed class SearchTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_charge_whose_answer_was_lost_can_be_found_by_its_metadata_for_reconciliation()
    {
        using var stripe = fixture.NewAccount();
        (await stripe.PostAsync("/v1/payment_intents", ("amount", "700"), ("currency", "usd"), ("metadata[invoice]", "INV-1"))).Ok();
        stripe.Account.FailNextRequests(1, FaultKind.HangAfterExecution);
        stripe.Timeout = TimeSpan.FromSeconds(1);
        await Assert.ThrowsAsync<TaskCanceledException>(() => stripe.PostAsync("/v1/payment_intents",
            ("amount", "900"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"), ("metadata[invoice]", "INV-2")));

        var found = (await stripe.GetAsync("/v1/payment_intents/search?query=" +
            Uri.EscapeDataString("metadata['invoice']:'INV-2' AND status:'succeeded'"))).Ok();

        Assert.Equal("search_result", found.Str("object"));
        var intent = Assert.Single(found.Json["data"]!.AsArray())!;
        Assert.Equal(900, intent.Number("amount"));
    }

    [Fact]
    public async Task A_search_the_fake_does_not_understand_is_a_400_not_an_empty_result()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.GetAsync("/v1/payment_intents/search?query=" + Uri.EscapeDataString("amount>100"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("query", response.Error.Str("param"));
    }
}
