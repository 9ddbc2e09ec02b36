using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Tenants.Operators;
using OrchardPortal.Tenants.TenantAdmin;

namespace OrchardPortal.Tenants.Api;

/// <summary>
/// The operator JSON API under <c>/api/tenants</c>: the same provisioning and state changes as the
/// signup page and the operator area, authorised by an API key. Every error is problem-details JSON.
/// </summary>
internal static class TenantsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tenants")
            .WithMetadata(new SiteScopeAttribute(Site.Host))
            .RequireAuthorization(OperatorAuthentication.ApiPolicy)
            // Bearer keys are not sent by browsers on their own, so cross-site forgery does not apply.
            .DisableAntiforgery();
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapPost("/{name}/disable", (string name, TenantAdministrationService admin, SiteUrls urls, HttpRequest request, CancellationToken ct) =>
            ChangeAsync(name, admin.DisableAsync, "Only a running tenant can be disabled.", admin, urls, request, ct));
        group.MapPost("/{name}/enable", (string name, TenantAdministrationService admin, SiteUrls urls, HttpRequest request, CancellationToken ct) =>
            ChangeAsync(name, admin.EnableAsync, "Only a disabled tenant can be enabled.", admin, urls, request, ct));
        group.MapDelete("/{name}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(string? search, string? state, int? page, TenantQuery query, SiteUrls urls, HttpRequest request, CancellationToken cancellationToken)
    {
        TenantState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<TenantState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ValidationProblem("state", "Use Running, Disabled or Provisioning.");
            }

            wanted = parsed;
        }

        var result = await query.ListAsync(search, wanted, page ?? 1, cancellationToken);
        return Results.Ok(new TenantListDto(
            result.Items.Select(t => TenantDto.From(t, urls, request)).ToList(), result.Page, result.PageSize, result.PageCount, result.Total));
    }

    private static async Task<IResult> GetAsync(string name, TenantAdministrationService admin, SiteUrls urls, HttpRequest request, CancellationToken cancellationToken) =>
        await admin.FindAsync(name, cancellationToken) is { } tenant ? Results.Ok(TenantDto.From(tenant, urls, request)) : NotFound(name);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, TenantProvisioningService provisioning, SiteUrls urls, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the tenant as JSON (Content-Type: application/json).");
        }

        CreateTenantRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateTenantRequest>(Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: exception.Message);
        }

        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body must be a JSON object.");
        }

        var provisioningRequest = new ProvisioningRequest
        {
            CompanyName = body.CompanyName ?? "",
            Subdomain = body.Subdomain ?? "",
            OwnerName = body.OwnerName ?? "",
            OwnerEmail = body.OwnerEmail ?? "",
            OwnerPassword = body.OwnerPassword ?? "",
            RecipeName = string.IsNullOrWhiteSpace(body.Recipe) ? "default" : body.Recipe.Trim(),
            RequireSelectableRecipe = false,
        };

        ProvisioningResult result;
        try
        {
            result = await provisioning.ProvisionAsync(provisioningRequest, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The service already removed everything it created; say so rather than leave the caller guessing.
            loggers.CreateLogger(typeof(TenantsApi)).LogError(exception, "Operator API could not create tenant {Tenant}", provisioningRequest.Subdomain);
            return Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "The tenant could not be created.",
                detail: "Nothing was saved; it is safe to retry.");
        }

        if (!result.Succeeded)
        {
            return Results.ValidationProblem(
                result.Errors.ToDictionary(e => FieldName(e.Key), e => new[] { e.Value }),
                title: "The tenant could not be created.");
        }

        var tenant = result.Tenant!;
        return Results.Created($"/api/tenants/{tenant.Name}", TenantDto.From(tenant, urls, request));
    }

    private static async Task<IResult> ChangeAsync(
        string name,
        Func<string, CancellationToken, Task<TenantChangeOutcome>> change,
        string conflict,
        TenantAdministrationService admin,
        SiteUrls urls,
        HttpRequest request,
        CancellationToken cancellationToken) =>
        await change(name, cancellationToken) switch
        {
            TenantChangeOutcome.Done => Results.Ok(TenantDto.From((await admin.FindAsync(name, cancellationToken))!, urls, request)),
            TenantChangeOutcome.NotFound => NotFound(name),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict),
        };

    private static async Task<IResult> DeleteAsync(string name, TenantAdministrationService admin, CancellationToken cancellationToken) =>
        await admin.DeleteAsync(name, cancellationToken) switch
        {
            TenantChangeOutcome.Done => Results.NoContent(),
            TenantChangeOutcome.NotFound => NotFound(name),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Disable the tenant before deleting it.",
                detail: $"POST /api/tenants/{name}/disable first; only disabled tenants can be deleted."),
        };

    private static IResult NotFound(string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no tenant named '{name}'.");

    private static IResult ValidationProblem(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Maps the provisioning service's field names to the API's JSON names.</summary>
    private static string FieldName(string field) => field switch
    {
        nameof(ProvisioningRequest.RecipeName) => "recipe",
        "" => "",
        _ => JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
