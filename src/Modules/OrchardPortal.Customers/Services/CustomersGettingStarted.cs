using OrchardPortal.Admin.Dashboard;

namespace OrchardPortal.Customers.Services;

/// <summary>Ticks "Add your customers" on the dashboard once the tenant has any, and links it to the list.</summary>
internal sealed class CustomersGettingStarted(CustomerService customers) : IGettingStartedProgress
{
    public string StepId => GettingStartedSteps.AddCustomers.Id;

    public async Task<GettingStartedStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        new(await customers.CountAsync(cancellationToken) > 0, CustomerPaths.List);
}
