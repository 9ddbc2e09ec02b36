using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// <c>payments.*</c> for templates: whether the tenant's gateway is in test mode (with the banner text), and the
/// Pay page's address, so the Invoices and Payments tabs can link "Pay now" (<c>{{ payments.pay_url }}?invoice={{ invoice.id }}</c>).
/// Reads only the cached settings document (the key's mode was noted when it was saved), so it costs no decryption per page.
/// </summary>
internal sealed class PaymentsGlobalsProvider(PaymentSettingsService settings, ICurrentPortalCustomer current) : IThemeGlobalsProvider
{
    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var value = await settings.GetAsync(cancellationToken);
        var testMode = value.Gateway == GatewayKind.Sandbox || value.KeyMode != "live";
        var payments = context.Section("payments");
        payments["test_mode"] = testMode;
        payments["test_mode_banner"] = testMode ? PayPages.TestModeBanner : null;
        payments["pay_url"] = PayPaths.Pay;
        // "Pay now" links only for a signed-in user who may pay (others would meet a 404 on the Pay page).
        payments["can_pay"] = (await current.GetAsync(cancellationToken))?.CanPay == true;
    }
}
