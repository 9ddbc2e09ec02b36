using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.ApiKeys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the operator's API keys, and answers a
/// missing or wrong key with a 401 problem-details body (never the HTML error page).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header[BearerPrefix.Length..].Trim();
        if (!await keys.IsValidAsync(presented, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], OperatorAuthentication.ApiScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), OperatorAuthentication.ApiScheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "An operator API key is required.",
            detail: "Send 'Authorization: Bearer <key>' with a key created under /operator/api-keys or configured as Operator:ApiKey.");
        await problem.ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that.").ExecuteAsync(Context);
}
