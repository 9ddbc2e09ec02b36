using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Customers;

public sealed class CustomerAndPaymentMethodTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_customer_can_be_created_retrieved_updated_and_deleted()
    {
        using var stripe = fixture.NewAccount();

        var created = (await stripe.PostAsync("/v1/customers",
            ("email", "pat@example.test"), ("name", "Pat Doe"), ("metadata[account]", "A-100"))).Ok();
        var id = created.Str("id");
        Assert.StartsWith("cus_", id);
        Assert.Equal("customer", created.Str("object"));

        var updated = (await stripe.PostAsync($"/v1/customers/{id}", ("name", "Pat Q. Doe"), ("metadata[account]", ""))).Ok();
        Assert.Equal("Pat Q. Doe", updated.Str("name"));
        Assert.Equal("pat@example.test", updated.Str("email"));
        Assert.Null(updated.Json["metadata"]!["account"]);

        var deleted = (await stripe.DeleteAsync($"/v1/customers/{id}")).Ok();
        Assert.True(deleted.Json["deleted"]!.GetValue<bool>());
        var afterwards = await stripe.PostAsync($"/v1/customers/{id}", ("name", "Ghost"));
        Assert.Equal(HttpStatusCode.NotFound, afterwards.Status);
    }

    [Fact]
    public async Task Attaching_a_test_card_creates_a_new_payment_method_with_the_card_details()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();

        var attached = (await stripe.PostAsync("/v1/payment_methods/pm_card_amex/attach", ("customer", customer))).Ok();

        Assert.StartsWith("pm_", attached.Str("id"));
        Assert.NotEqual("pm_card_amex", attached.Str("id"));
        Assert.Equal(customer, attached.Str("customer"));
        Assert.Equal("card", attached.Str("type"));
        Assert.Equal("amex", attached.Json.Str("card.brand"));
        Assert.Equal("8431", attached.Json.Str("card.last4"));
        Assert.True(attached.Json.Number("card.exp_year") > DateTime.UtcNow.Year);
        Assert.Contains(stripe.Account.Events(), e => e.Type == "payment_method.attached" && e.ObjectId == attached.Str("id"));
    }

    [Fact]
    public async Task The_default_payment_method_must_be_one_of_the_customers_own()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var method = (await stripe.PostAsync("/v1/payment_methods/pm_card_visa/attach", ("customer", customer))).Ok().Str("id");

        var set = (await stripe.PostAsync($"/v1/customers/{customer}", ("invoice_settings[default_payment_method]", method))).Ok();
        var refused = await stripe.PostAsync($"/v1/customers/{customer}", ("invoice_settings[default_payment_method]", "pm_card_visa"));

        Assert.Equal(method, set.Json.Str("invoice_settings.default_payment_method"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("invoice_settings[default_payment_method]", refused.Error.Str("param"));
    }

    [Fact]
    public async Task Listing_a_customers_methods_filters_by_type_and_detaching_removes_one_for_good()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var card = (await stripe.PostAsync("/v1/payment_methods/pm_card_visa/attach", ("customer", customer))).Ok().Str("id");
        var bank = (await stripe.PostAsync("/v1/payment_methods/pm_usBankAccount/attach", ("customer", customer))).Ok().Str("id");

        var cards = (await stripe.GetAsync($"/v1/payment_methods?customer={customer}&type=card")).Ok();
        var banks = (await stripe.GetAsync($"/v1/customers/{customer}/payment_methods?type=us_bank_account")).Ok();
        Assert.Equal([card], cards.Json["data"]!.AsArray().Select(m => m!.Str("id")));
        Assert.Equal([bank], banks.Json["data"]!.AsArray().Select(m => m!.Str("id")));
        Assert.Equal("6789", banks.Json["data"]![0]!.Str("us_bank_account.last4"));

        var detached = (await stripe.PostAsync($"/v1/payment_methods/{card}/detach")).Ok();
        Assert.Null(detached.Json["customer"]);
        var reuse = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "1000"), ("currency", "usd"), ("customer", customer), ("payment_method", card), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, reuse.Status);
        Assert.Empty((await stripe.GetAsync($"/v1/payment_methods?customer={customer}&type=card")).Ok().Json["data"]!.AsArray());
    }

    [Fact]
    public async Task Paying_with_setup_future_usage_saves_the_card_to_the_customer()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();

        var intent = (await stripe.PostAsync("/v1/payment_intents", ("amount", "1000"), ("currency", "usd"), ("customer", customer),
            ("payment_method", "pm_card_visa"), ("setup_future_usage", "off_session"), ("confirm", "true"))).Ok();

        var saved = (await stripe.GetAsync($"/v1/payment_methods/{intent.Str("payment_method")}")).Ok();
        Assert.Equal(customer, saved.Str("customer"));
    }
}
