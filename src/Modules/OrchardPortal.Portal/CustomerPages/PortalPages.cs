using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.CustomerPages;

/// <summary>
/// What each customer URL answers. A tab switched off for the tenant, or hidden from this customer,
/// does not exist (themed 404), as does a tab the signed-in user's own permissions leave out. Every tab
/// but Home asks an anonymous visitor to sign in, in place, and keeps the tab's address to return to.
/// </summary>
public sealed class PortalPages(
    IThemeRenderer renderer, IPortalAccessPolicy policy, ICurrentPortalCustomer current, IAntiforgery antiforgery, IHttpContextAccessor http,
    IEnumerable<IPortalTabContent> contents)
{
    public async Task<IResult> TabAsync(PortalTab tab, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        var decision = await policy.CheckTabForAsync(customer, tab.Key, cancellationToken);
        if ((decision is PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden) && tab == PortalTabs.Home)
        {
            // The portal's address must always lead somewhere: to the first tab this visitor may open.
            var visible = await policy.VisibleTabsForAsync(customer, cancellationToken);
            return Results.Redirect(visible.Count > 0 ? visible[0].Path : PortalGlobalsProvider.SignInPath);
        }

        switch (decision)
        {
            case PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted:
                return await NotFoundAsync(cancellationToken);
            case PortalAccessDecision.PortalDenied:
                return await renderer.RenderPageAsync("AccessDenied", new Dictionary<string, object?>(), new ThemePageOptions { Title = "Portal unavailable", StatusCode = StatusCodes.Status403Forbidden }, cancellationToken);
        }

        if (customer is null && tab != PortalTabs.Home)
        {
            return await SignInAsync(tab.Path, tab, cancellationToken);
        }

        // Modules that own a tab's data fill its model (only for a signed-in, allowed customer).
        var model = new Dictionary<string, object?>();
        if (customer is not null)
        {
            foreach (var content in contents.Where(c => c.TabKey == tab.Key))
            {
                await content.ContributeAsync(customer, model, cancellationToken);
            }
        }

        return await renderer.RenderPageAsync(tab.View, model, new ThemePageOptions { Title = tab == PortalTabs.Home ? null : tab.Title }, cancellationToken);
    }

    public Task<IResult> SignInAsync(string? returnUrl, PortalTab? requested, CancellationToken cancellationToken) =>
        SignInAsync(new SignInForm(returnUrl), requested, cancellationToken);

    /// <summary>The sign-in page, e.g. again after a failed attempt with what was typed and why it failed.</summary>
    public async Task<IResult> SignInAsync(SignInForm form, PortalTab? requested, CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var model = new Dictionary<string, object?>
        {
            ["form"] = new Dictionary<string, object?>
            {
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
                ["return_url"] = IsLocal(form.ReturnUrl) ? form.ReturnUrl : "/",
                ["login"] = form.Login ?? "",
                ["keep_signed_in"] = form.KeepSignedIn,
                ["error"] = form.Error,
                ["notice"] = form.Notice,
                ["forgot_password_url"] = "/forgot-password",
                ["sign_in_link_url"] = "/sign-in/link",
            },
        };
        var options = new ThemePageOptions
        {
            Title = "Sign in",
            StatusCode = form.StatusCode,
            Globals = new Dictionary<string, object?> { ["page"] = new Dictionary<string, object?> { ["requested_tab"] = requested?.Title } },
        };
        return await renderer.RenderPageAsync("SignIn", model, options, cancellationToken);
    }

    public Task<IResult> NotFoundAsync(CancellationToken cancellationToken) =>
        renderer.RenderPageAsync("NotFound", new Dictionary<string, object?>(), new ThemePageOptions { Title = "Page not found", StatusCode = StatusCodes.Status404NotFound }, cancellationToken);

    /// <summary>Only paths on this site: never <c>//evil.example</c> or an absolute URL (open redirect).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);
}

/// <summary>What the sign-in page shows in its form: where to go after, what was typed, and an error or notice.</summary>
public sealed record SignInForm(string? ReturnUrl, string? Login = null, bool KeepSignedIn = false, string? Error = null, string? Notice = null, int StatusCode = StatusCodes.Status200OK);
