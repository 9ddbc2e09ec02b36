using System.Text.Json;

namespace OrchardPortal.Core.Recipes;

/// <summary>
/// Executes one kind of recipe step (e.g. <c>settings</c>). Modules register handlers in their Startup.
/// <see cref="Validate"/> runs for every step of a recipe before any step executes.
/// </summary>
public interface IRecipeStepHandler
{
    /// <summary>The step name as written in recipe files.</summary>
    string StepName { get; }

    /// <summary>Checks a step's fields; returns one message per problem (empty when valid).</summary>
    IEnumerable<string> Validate(JsonElement step);

    /// <summary>Applies the step inside the tenant's provisioning transaction. Must not commit.</summary>
    Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken);
}
