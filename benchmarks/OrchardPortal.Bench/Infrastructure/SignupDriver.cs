using System.Diagnostics;
using System.Net;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>Timings of one signup, in milliseconds from pressing "Create my portal".</summary>
internal sealed record SignupTiming(double SubmitAnswered, double TenantFirstAnswer, double AdminRendered);

/// <summary>
/// Signs up through the host site's real form (<c>POST /signup</c> with its antiforgery token), the
/// way a browser does, and optionally follows the owner onto the new tenant.
/// </summary>
internal sealed class SignupDriver(PortalClient client)
{
    public const string Password = "Tulip-Rocket-Harbor-93";

    private string? _token;

    /// <summary>Loads the signup form once (not timed: the person is still typing); its token is valid for many posts.</summary>
    public async Task LoadFormAsync(CancellationToken cancellationToken)
    {
        using var page = await client.GetAsync(client.Url("localhost", "/signup"), cancellationToken);
        var html = await PortalClient.ReadAsync(page, cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /signup answered {(int)page.StatusCode}; the signup page is not available.");
        }

        _token = PortalClient.AntiforgeryToken(html) ?? throw new InvalidOperationException("The signup page has no antiforgery token.");
    }

    /// <summary>
    /// Submits the form for <paramref name="subdomain"/>. With <paramref name="followOwner"/> the owner's
    /// browser then follows the redirect to the tenant (its first request: the one-time sign-in link) and
    /// on to the admin dashboard, as a real signup does.
    /// </summary>
    public async Task<SignupTiming> SignUpAsync(string subdomain, bool followOwner, CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            await LoadFormAsync(cancellationToken);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CompanyName"] = $"Bench Company {subdomain}",
            ["Subdomain"] = subdomain,
            ["OwnerName"] = "Olivia Owner",
            ["OwnerEmail"] = $"owner@{subdomain}.example.com",
            ["OwnerPassword"] = Password,
            ["RecipeName"] = "default",
            ["__RequestVerificationToken"] = _token!,
        };

        var stopwatch = Stopwatch.StartNew();
        using var submit = await client.PostFormAsync(client.Url("localhost", "/signup"), fields, cancellationToken);
        var body = await PortalClient.ReadAsync(submit, cancellationToken);
        var submitted = stopwatch.Elapsed.TotalMilliseconds;
        if (submit.StatusCode != HttpStatusCode.Redirect || submit.Headers.Location is null)
        {
            throw new InvalidOperationException($"Signup of '{subdomain}' answered {(int)submit.StatusCode} instead of a redirect to the new portal: {Excerpt(body)}");
        }

        if (!followOwner)
        {
            return new SignupTiming(submitted, double.NaN, double.NaN);
        }

        var landing = submit.Headers.Location;
        using var handoff = await client.GetAsync(landing.ToString(), cancellationToken);
        await PortalClient.ReadAsync(handoff, cancellationToken);
        var firstAnswer = stopwatch.Elapsed.TotalMilliseconds;
        if (handoff.StatusCode != HttpStatusCode.Redirect || handoff.Headers.Location is null)
        {
            throw new InvalidOperationException($"The new tenant answered its sign-in link {landing.AbsolutePath} with {(int)handoff.StatusCode}.");
        }

        var dashboard = new Uri(landing, handoff.Headers.Location);
        using var admin = await client.GetAsync(dashboard.ToString(), cancellationToken);
        await PortalClient.ReadAsync(admin, cancellationToken);
        var rendered = stopwatch.Elapsed.TotalMilliseconds;
        if (admin.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The new owner's {dashboard.AbsolutePath} answered {(int)admin.StatusCode}, not the signed-in dashboard.");
        }

        return new SignupTiming(submitted, firstAnswer, rendered);
    }

    private static string Excerpt(string html)
    {
        var start = html.IndexOf("alert-error", StringComparison.Ordinal);
        var text = start < 0 ? html : html[start..];
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return text.Length > 400 ? text[..400] : text;
    }
}
