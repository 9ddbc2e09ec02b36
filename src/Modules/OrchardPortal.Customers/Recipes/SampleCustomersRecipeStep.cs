using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Recipes;

/// <summary>
/// <c>{ "name": "sample-customers" }</c>: adds the demo lawn-care customers (<see cref="SampleCustomers"/>)
/// through the same bulk import staff use, so they get account numbers and pass the same rules.
/// </summary>
public sealed class SampleCustomersRecipeStep : IRecipeStepHandler
{
    public string StepName => "sample-customers";

    public IEnumerable<string> Validate(JsonElement step)
    {
        foreach (var property in step.EnumerateObject())
        {
            if (property.Name != "name")
            {
                yield return $"unknown field '{property.Name}' (this step takes no options).";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await context.Services.GetRequiredService<CustomerService>().ImportAsync(SampleCustomers.All, cancellationToken);
        if (!result.Succeeded)
        {
            // Only a defect in the sample data gets here; failing the step rolls the whole tenant back.
            throw new InvalidOperationException("Sample customers are invalid: " +
                string.Join("; ", result.Errors.Select(e => $"row {e.Row} {e.Field}: {e.Message}")));
        }
    }
}
