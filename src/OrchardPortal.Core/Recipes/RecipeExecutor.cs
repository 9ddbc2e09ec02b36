using System.Text.Json;

namespace OrchardPortal.Core.Recipes;

/// <summary>
/// Validates a whole recipe, then runs its steps in order. The caller owns the transaction, so a failed
/// step leaves nothing behind.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStepHandler> handlers)
{
    private readonly Dictionary<string, IRecipeStepHandler> _handlers = handlers.ToDictionary(h => h.StepName, StringComparer.Ordinal);

    /// <summary>Every problem in the recipe, each naming its step; empty when it can run.</summary>
    public IReadOnlyList<string> Validate(Recipe recipe)
    {
        var errors = new List<string>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var name = Recipe.StepName(step);
            var label = $"Step {i + 1}" + (name.Length > 0 ? $" '{name}'" : "");
            if (step.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{label}: a step must be a JSON object.");
            }
            else if (name.Length == 0)
            {
                errors.Add($"{label}: the step has no 'name'.");
            }
            else if (!_handlers.TryGetValue(name, out var handler))
            {
                errors.Add($"{label}: unknown step '{name}'.");
            }
            else
            {
                errors.AddRange(handler.Validate(step).Select(e => $"{label}: {e}"));
            }
        }

        return errors;
    }

    public async Task ExecuteAsync(Recipe recipe, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var errors = Validate(recipe);
        if (errors.Count > 0)
        {
            throw new RecipeValidationException(recipe.Name, errors);
        }

        foreach (var step in recipe.Steps)
        {
            await _handlers[Recipe.StepName(step)].ExecuteAsync(step, context, cancellationToken);
        }
    }
}
