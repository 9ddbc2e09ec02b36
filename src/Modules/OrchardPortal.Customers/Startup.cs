using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Admin.Dashboard;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Data;
using OrchardPortal.Customers.Recipes;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers;

/// <summary>
/// Registers the Customers module: customer records and their search, contact-change requests, the
/// staff admin pages (protected like every page under <c>/admin</c>), and the demo recipe's customers.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, CustomersModel>();
        services.AddSingleton<DataMigration, CustomersMigration>();
        services.AddScoped<CustomerValidator>();
        services.AddScoped<AccountNumberGenerator>();
        services.AddScoped<CustomerService>();
        services.AddScoped<ContactChangeService>();
        services.AddScoped<IRecipeStepHandler, SampleCustomersRecipeStep>();
        services.AddScoped<IGettingStartedProgress, CustomersGettingStarted>();
        // Right after the dashboard: the list staff open most.
        services.AddSingleton(new AdminMenuItem("Customers", CustomerPaths.List, 10));
    }
}
