using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.Tests.Http;

public sealed class FormParamsTests
{
    private static FormParams Parse(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    [Fact]
    public void Nested_brackets_address_a_value_by_path()
    {
        var form = Parse(("payment_method_options[us_bank_account][verification_method]", "microdeposits"), ("amount", "500"));

        Assert.Equal("microdeposits", form.Get("payment_method_options", "us_bank_account", "verification_method"));
        Assert.Equal("500", form.Get("amount"));
        Assert.Null(form.Get("payment_method_options"));
        Assert.True(form.Has("payment_method_options"));
    }

    [Fact]
    public void Lists_may_use_empty_or_numbered_brackets_and_keep_their_order()
    {
        var plain = Parse(("payment_method_types[]", "card"), ("payment_method_types[]", "us_bank_account"));
        var numbered = Parse(("amounts[1]", "45"), ("amounts[0]", "32"));

        Assert.Equal(["card", "us_bank_account"], plain.GetList("payment_method_types"));
        Assert.Equal(["32", "45"], numbered.GetList("amounts"));
    }

    [Fact]
    public void A_hash_collects_its_keys_and_keeps_empty_values_which_mean_delete()
    {
        var form = Parse(("metadata[invoice]", "INV-1"), ("metadata[old]", ""));

        var metadata = form.GetMap("metadata")!;

        Assert.Equal("INV-1", metadata["invoice"]);
        Assert.Equal("", metadata["old"]);
        Assert.Null(form.GetMap("other"));
    }

    [Fact]
    public void The_canonical_form_ignores_key_order_but_not_list_order()
    {
        var first = Parse(("amount", "500"), ("currency", "usd"));
        var reordered = Parse(("currency", "usd"), ("amount", "500"));
        var listA = Parse(("payment_method_types[]", "card"), ("payment_method_types[]", "us_bank_account"));
        var listB = Parse(("payment_method_types[]", "us_bank_account"), ("payment_method_types[]", "card"));

        Assert.Equal(first.Canonical(), reordered.Canonical());
        Assert.NotEqual(listA.Canonical(), listB.Canonical());
    }
}
