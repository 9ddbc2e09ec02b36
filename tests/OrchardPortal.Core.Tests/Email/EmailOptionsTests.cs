using OrchardPortal.Core.Email;

namespace OrchardPortal.Core.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Retries_back_off_from_thirty_seconds_to_a_day_and_then_give_up()
    {
        var options = new OutboxOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryDelayAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(2), options.RetryDelayAfter(2));
        Assert.Equal(TimeSpan.FromHours(24), options.RetryDelayAfter(7));
        Assert.Null(options.RetryDelayAfter(8));
    }

    [Fact]
    public void Configured_retry_delays_replace_the_defaults()
    {
        var options = new OutboxOptions { RetryDelays = [TimeSpan.FromSeconds(5)] };

        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryDelayAfter(1));
        Assert.Null(options.RetryDelayAfter(2));
    }

    [Fact]
    public void Implicit_TLS_on_port_465_is_a_valid_setting()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { Host = "smtp.example.com", Port = 465, TlsMode = SmtpTlsMode.SslOnConnect });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void EnableSsl_means_STARTTLS_unless_a_TLS_mode_is_given()
    {
        Assert.Equal(SmtpTlsMode.StartTls, new SmtpOptions { EnableSsl = true }.EffectiveTlsMode);
        Assert.Equal(SmtpTlsMode.None, new SmtpOptions().EffectiveTlsMode);
        Assert.True(new SmtpOptionsValidator().Validate(null, new SmtpOptions { Host = "smtp.example.com", EnableSsl = true }).Succeeded);
    }
}
