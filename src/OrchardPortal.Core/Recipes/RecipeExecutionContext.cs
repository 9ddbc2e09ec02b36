using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Recipes;

/// <summary>What a step handler knows while it runs: the tenant, its scope's services, and values from signup.</summary>
public sealed class RecipeExecutionContext(TenantRecord tenant, IServiceProvider services, IReadOnlyDictionary<string, string> variables)
{
    public TenantRecord Tenant { get; } = tenant;

    /// <summary>The tenant-bound scope's services (its <c>TenantDbContext</c> is inside the provisioning transaction).</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Values such as <c>CompanyName</c> and <c>OwnerEmail</c> that steps may substitute as <c>[[CompanyName]]</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    /// <summary>Replaces <c>[[Name]]</c> tokens (not Liquid braces, which recipe templates use) in recipe text with the signup's values.</summary>
    public string Substitute(string text) => Substitute(text, v => v);

    /// <summary>Like <see cref="Substitute(string)"/> inside raw JSON text: values are JSON-escaped so a quote in a company name can't break the document.</summary>
    public string SubstituteInJson(string json) => Substitute(json, v => System.Text.Json.JsonEncodedText.Encode(v).ToString());

    private string Substitute(string text, Func<string, string> encode)
    {
        foreach (var (key, value) in Variables)
        {
            text = text.Replace("[[" + key + "]]", encode(value), StringComparison.Ordinal);
        }

        return text;
    }
}
