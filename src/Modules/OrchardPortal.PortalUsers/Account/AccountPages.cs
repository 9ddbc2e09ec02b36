using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Theming;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account;

/// <summary>
/// Renders the themed account pages (<c>Views/Account/*.liquid</c>) with their antiforgery token, and
/// reads their posted forms. A post whose token is missing or stale changes nothing: the page says so.
/// </summary>
public sealed class AccountPages(IThemeRenderer renderer, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public const string StaleFormMessage = "This page was open too long, so for your security nothing was changed. Please try again.";

    private static readonly string CommonPasswordsJson = JsonSerializer.Serialize(PasswordPolicy.CommonPasswords);

    /// <summary>Renders <c>Account/{view}</c>; <paramref name="form"/> gains the antiforgery field and token.</summary>
    public Task<IResult> RenderAsync(string view, string title, Dictionary<string, object?> form, CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        form["antiforgery_field"] = tokens.FormFieldName;
        form["antiforgery_token"] = tokens.RequestToken;
        var model = new Dictionary<string, object?> { ["form"] = form };
        return renderer.RenderPageAsync("Account/" + view, model, new ThemePageOptions { Title = title, StatusCode = statusCode }, cancellationToken);
    }

    /// <summary>Adds what the password field's hint and strength meter need.</summary>
    public static Dictionary<string, object?> WithPasswordRule(Dictionary<string, object?> form, params string?[] personalWords)
    {
        form["password_hint"] = PasswordPolicy.Hint;
        form["password_min_length"] = PasswordPolicy.MinLength;
        form["common_passwords_json"] = CommonPasswordsJson;
        form["personal_words"] = string.Join(' ', personalWords.Where(w => !string.IsNullOrWhiteSpace(w)));
        return form;
    }

    /// <summary>The posted form when it is one and its antiforgery token is valid; otherwise null (nothing may change).</summary>
    public async Task<IFormCollection?> ReadFormAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext!;
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    /// <summary>A form value, trimmed to at most <paramref name="maxLength"/> characters so nothing huge reaches the services.</summary>
    public static string Value(IFormCollection form, string name, int maxLength = 300)
    {
        var value = form[name].ToString();
        return value.Length > maxLength ? value[..maxLength] : value;
    }

    public static bool Checked(IFormCollection form, string name) =>
        form[name].ToString() is "true" or "on" or "1";

    /// <summary>The page's title and message for a link that can't be used, by what it was for.</summary>
    public static Dictionary<string, object?> LinkProblem(PortalLinkState state, string kind) => new()
    {
        ["state"] = state switch
        {
            PortalLinkState.Expired => "expired",
            PortalLinkState.Used => "used",
            _ => "unknown",
        },
        ["kind"] = kind,
        ["sign_in_url"] = PortalAccountPaths.SignIn,
        ["forgot_password_url"] = PortalAccountPaths.ForgotPassword,
        ["sign_in_link_url"] = PortalAccountPaths.RequestSignInLink,
    };

    public static int LinkProblemStatus(PortalLinkState state) =>
        state == PortalLinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;

    public static string LinkProblemTitle(PortalLinkState state) => state switch
    {
        PortalLinkState.Expired => "This link has expired",
        PortalLinkState.Used => "This link was already used",
        _ => "This link isn’t valid",
    };
}
