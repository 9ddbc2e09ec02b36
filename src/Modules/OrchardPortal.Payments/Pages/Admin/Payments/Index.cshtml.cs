using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Stripe;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Payments.Webhooks;

namespace OrchardPortal.Payments.Pages.Admin.Payments;

/// <summary>
/// Payment settings: Sandbox or Stripe, the Stripe keys (write-only), test/live mode, the webhook URL to
/// paste into Stripe, a connection check, the minimum payment and the autopay retry interval.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class PaymentSettingsModel(PaymentSettingsService settings, StripeClient stripe, SiteUrls urls, TenantScope tenant) : PageModel
{
    public const string Path = "/admin/payments";

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public PaymentSettings Current { get; private set; } = new();

    public string WebhookUrl => urls.Tenant(Request, tenant.Required.Name, StripeWebhookEndpoint.Path);

    public bool HasSecretKey => Current.ProtectedSecretKey is not null;

    public bool HasWebhookSecret => Current.ProtectedWebhookSecret is not null;

    public bool HasPublishableKey => Current.ProtectedPublishableKey is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await settings.GetAsync(cancellationToken);
        Input = new SettingsInput
        {
            Gateway = Current.Gateway,
            MinimumPayment = (Current.MinimumPaymentAmount / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            AutopayRetryIntervalDays = Current.AutopayRetryIntervalDays,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Input.Gateway))
        {
            ModelState.AddModelError("Input.Gateway", "Choose Sandbox or Stripe.");
        }

        long minimum = 0;
        if (!decimal.TryParse(Input.MinimumPayment, NumberStyles.Number, CultureInfo.InvariantCulture, out var major) || major * 100 != decimal.Truncate(major * 100))
        {
            ModelState.AddModelError("Input.MinimumPayment", "Enter an amount such as 1.00.");
        }
        else
        {
            minimum = major > PaymentSettingsService.MaxMinimumPayment ? long.MaxValue : (long)(major * 100);
        }

        if (ModelState.IsValid)
        {
            var errors = await settings.SaveAsync(
                new PaymentSettingsChange(Input.Gateway, Input.SecretKey, Input.PublishableKey, Input.WebhookSecret, minimum, Input.AutopayRetryIntervalDays), cancellationToken);
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            Current = await settings.GetAsync(cancellationToken);
            // Keys are never echoed back, not even the ones just typed.
            (Input.SecretKey, Input.PublishableKey, Input.WebhookSecret) = (null, null, null);
            return Page();
        }

        TempData.Flash("Payment settings saved.");
        return RedirectToPage();
    }

    /// <summary>"Check connection": one cheap authenticated GET with the saved secret key.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        var keys = settings.GetStripeKeys(await settings.GetAsync(cancellationToken));
        if (keys is null)
        {
            TempData.Flash("Save your Stripe secret key first, then check the connection.");
            return RedirectToPage();
        }

        string message;
        try
        {
            await new StripeGateway(stripe, keys.SecretKey).CheckConnectionAsync(cancellationToken);
            message = $"Connected to Stripe ({(keys.IsTestMode ? "test" : "live")} mode).";
        }
        catch (PaymentGatewayException exception) when (exception.Code == "invalid_api_key")
        {
            message = "Stripe refused the secret key. Copy it again from Stripe's dashboard (Developers → API keys) and save it.";
        }
        catch (PaymentGatewayException)
        {
            message = "Stripe could not be reached. Try again in a few minutes.";
        }
        catch (StripeException exception)
        {
            message = $"Stripe answered with an error ({exception.Error.Code ?? exception.Error.Type}). Check that the key may read and write customers and payments.";
        }

        TempData.Flash(message);
        return RedirectToPage();
    }

    public sealed class SettingsInput
    {
        public GatewayKind Gateway { get; set; }

        [Display(Name = "Secret key")]
        public string? SecretKey { get; set; }

        [Display(Name = "Publishable key")]
        public string? PublishableKey { get; set; }

        [Display(Name = "Webhook signing secret")]
        public string? WebhookSecret { get; set; }

        [Display(Name = "Minimum payment")]
        public string? MinimumPayment { get; set; }

        [Display(Name = "Days between autopay retries")]
        public int AutopayRetryIntervalDays { get; set; } = 3;
    }
}
