using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Recipes;

public sealed class RecipeValidationTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public void Every_shipped_recipe_is_valid_and_default_is_selectable()
    {
        using var scope = app.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<RecipeCatalog>();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();

        Assert.Contains(catalog.Selectable, r => r.Name == "default");
        Assert.Contains(catalog.All, r => r.Name == "demo");
        Assert.All(catalog.All, recipe => Assert.Empty(executor.Validate(recipe)));
    }

    [Fact]
    public void An_unknown_step_and_a_bad_field_are_both_reported_with_their_step()
    {
        var recipe = RecipeCatalog.Parse("""
            { "name": "broken", "steps": [
              { "name": "settings", "documents": { "Site": { "companyName": "x" } } },
              { "name": "no-such-step" },
              { "name": "settings", "documents": 42 }
            ] }
            """);
        using var scope = app.Services.CreateScope();

        var errors = scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(recipe);

        Assert.Equal(2, errors.Count);
        Assert.Contains("Step 2 'no-such-step': unknown step 'no-such-step'.", errors);
        Assert.Contains(errors, e => e.StartsWith("Step 3 'settings':", StringComparison.Ordinal) && e.Contains("documents", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recipe_without_steps_is_refused_with_a_clear_message()
    {
        var exception = Assert.Throws<RecipeValidationException>(() => RecipeCatalog.Parse("""{ "name": "empty" }"""));

        Assert.Contains("no 'steps' array", exception.Message, StringComparison.Ordinal);
    }
}
