using OrchardPortal.Core.Hosting;

// The host is a table of contents: the platform, then the feature modules it is made of.
var builder = WebApplication.CreateBuilder(args);

builder.AddOrchardPortal()
    .AddModule<OrchardPortal.Admin.Startup>()
    .AddModule<OrchardPortal.Tenants.Startup>()
    .AddModule<OrchardPortal.Staff.Startup>()
    .AddModule<OrchardPortal.Customers.Startup>()
    .AddModule<OrchardPortal.Portal.Startup>()
    .AddModule<OrchardPortal.PortalUsers.Startup>()
    .AddModule<OrchardPortal.Billing.Startup>()
    .AddModule<OrchardPortal.Payments.Startup>()
    .AddModule<OrchardPortal.Content.Startup>()
    .AddModule<OrchardPortal.Documents.Startup>()
    .AddModule<OrchardPortal.Visits.Startup>()
    .AddModule<OrchardPortal.ServiceRequests.Startup>()
    .AddModule<OrchardPortal.Messages.Startup>()
    .AddModule<OrchardPortal.Emails.Startup>();

var app = builder.Build();
app.UseOrchardPortal();
app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
