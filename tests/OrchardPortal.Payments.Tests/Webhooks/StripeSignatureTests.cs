using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrchardPortal.Payments.Webhooks;

namespace OrchardPortal.Payments.Tests.Webhooks;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_5f1c2a";
    private const string Body = """{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1"}}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_correctly_signed_event_is_valid()
    {
        var header = StripeSignature.Sign(Body, Secret, Now);

        Assert.Equal(StripeSignature.Outcome.Valid, StripeSignature.Verify(header, Body, Secret, Now.AddSeconds(10)));
    }

    [Fact]
    public void The_signature_is_hmac_sha256_over_timestamp_dot_body_in_hex()
    {
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + Body)));

        Assert.Equal(StripeSignature.Outcome.Valid, StripeSignature.Verify($"t={t},v1={expected}", Body, Secret, Now));
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var header = StripeSignature.Sign(Body, Secret, Now);

        Assert.Equal(StripeSignature.Outcome.NoMatchingSignature, StripeSignature.Verify(header, Body.Replace("pi_1", "pi_2", StringComparison.Ordinal), Secret, Now));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var header = StripeSignature.Sign(Body, "whsec_someone_else", Now);

        Assert.Equal(StripeSignature.Outcome.NoMatchingSignature, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void A_timestamp_more_than_300_seconds_from_now_is_refused(int ageSeconds)
    {
        var header = StripeSignature.Sign(Body, Secret, Now.AddSeconds(-ageSeconds));

        Assert.Equal(StripeSignature.Outcome.TimestampOutOfTolerance, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void A_timestamp_exactly_300_seconds_old_is_still_accepted()
    {
        var header = StripeSignature.Sign(Body, Secret, Now.AddSeconds(-300));

        Assert.Equal(StripeSignature.Outcome.Valid, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void Any_one_of_several_v1_signatures_may_match_while_a_secret_is_rolled()
    {
        var good = StripeSignature.Sign(Body, Secret, Now);
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var old = StripeSignature.Sign(Body, "whsec_old_secret", Now).Split(',')[1];
        var header = $"t={t},{old},{good.Split(',')[1]},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

        Assert.Equal(StripeSignature.Outcome.Valid, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Fact]
    public void Only_v1_values_count_not_v0()
    {
        var good = StripeSignature.Sign(Body, Secret, Now);
        var header = good.Replace("v1=", "v0=", StringComparison.Ordinal);

        Assert.Equal(StripeSignature.Outcome.Malformed, StripeSignature.Verify(header, Body, Secret, Now));
    }

    [Theory]
    [InlineData(null, StripeSignature.Outcome.MissingHeader)]
    [InlineData("", StripeSignature.Outcome.MissingHeader)]
    [InlineData("v1=abc", StripeSignature.Outcome.Malformed)]
    [InlineData("t=notanumber,v1=00", StripeSignature.Outcome.Malformed)]
    [InlineData("garbage", StripeSignature.Outcome.Malformed)]
    public void Missing_or_malformed_headers_are_refused(string? header, StripeSignature.Outcome expected)
    {
        Assert.Equal(expected, StripeSignature.Verify(header, Body, Secret, Now));
    }
}
