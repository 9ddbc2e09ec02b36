using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Data;

/// <summary>The Customers module's tenant tables. <see cref="CustomersMigration"/> must create exactly this shape.</summary>
internal sealed class CustomersModel : IModelContributor
{
    public const int AccountNumberLength = 30;
    public const int NameLength = 100;
    public const int CompanyLength = 150;
    public const int NotesLength = 4000;
    public const int EmailLength = 254;
    public const int PhoneLength = 30;
    public const int LabelLength = 50;
    public const int LineLength = 100;
    public const int CityLength = 60;
    public const int RegionLength = 60;
    public const int PostalCodeLength = 20;
    public const int CountryLength = 60;
    public const int SearchTextLength = 1000;
    public const int EnumLength = 10;
    public const int PersonLength = 100;
    public const int ReasonLength = 500;
    public const int CounterNameLength = 50;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var customer = modelBuilder.Entity<Customer>();
        customer.ToTable("Customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.AccountNumber).HasMaxLength(AccountNumberLength);
        customer.Property(c => c.AccountKey).HasMaxLength(AccountNumberLength);
        customer.Property(c => c.DisplayName).HasMaxLength(CompanyLength);
        customer.Property(c => c.FirstName).HasMaxLength(NameLength);
        customer.Property(c => c.LastName).HasMaxLength(NameLength);
        customer.Property(c => c.CompanyName).HasMaxLength(CompanyLength);
        customer.Property(c => c.Status).HasConversion<string>().HasMaxLength(EnumLength);
        customer.Property(c => c.Notes).HasMaxLength(NotesLength);
        customer.Property(c => c.PrimaryEmail).HasMaxLength(EmailLength);
        customer.Property(c => c.PrimaryPhone).HasMaxLength(PhoneLength);
        customer.Property(c => c.SortName).HasMaxLength(CompanyLength);
        customer.Property(c => c.SearchText).HasMaxLength(SearchTextLength);
        customer.Property(c => c.Version).IsConcurrencyToken();
        customer.Ignore(c => c.IsActive);
        customer.HasIndex(c => c.AccountKey).IsUnique();
        customer.HasIndex(c => new { c.SortName, c.Id });
        customer.HasIndex(c => new { c.Status, c.SortName, c.Id });
        customer.HasIndex(c => new { c.CreatedUtc, c.Id });
        customer.HasIndex(c => new { c.HasPortalAccount, c.SortName, c.Id });
        customer.HasIndex(c => c.SearchText);
        customer.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        customer.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        customer.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);

        var email = modelBuilder.Entity<CustomerEmail>();
        email.ToTable("CustomerEmails");
        email.HasKey(e => e.Id);
        email.Property(e => e.Address).HasMaxLength(EmailLength);
        email.Property(e => e.Label).HasMaxLength(LabelLength);
        email.HasIndex(e => e.Address);

        var phone = modelBuilder.Entity<CustomerPhone>();
        phone.ToTable("CustomerPhones");
        phone.HasKey(p => p.Id);
        phone.Property(p => p.Number).HasMaxLength(PhoneLength);
        phone.Property(p => p.Label).HasMaxLength(LabelLength);

        var address = modelBuilder.Entity<CustomerAddress>();
        address.ToTable("CustomerAddresses");
        address.HasKey(a => a.Id);
        address.Property(a => a.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        address.Property(a => a.Label).HasMaxLength(LabelLength);
        address.Property(a => a.Line1).HasMaxLength(LineLength);
        address.Property(a => a.Line2).HasMaxLength(LineLength);
        address.Property(a => a.City).HasMaxLength(CityLength);
        address.Property(a => a.Region).HasMaxLength(RegionLength);
        address.Property(a => a.PostalCode).HasMaxLength(PostalCodeLength);
        address.Property(a => a.Country).HasMaxLength(CountryLength);

        var request = modelBuilder.Entity<ContactChangeRequest>();
        request.ToTable("ContactChangeRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.ChangesJson);
        request.Property(r => r.RequestedBy).HasMaxLength(PersonLength);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(EnumLength);
        request.Property(r => r.DecidedBy).HasMaxLength(PersonLength);
        request.Property(r => r.DeclineReason).HasMaxLength(ReasonLength);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => new { r.Status, r.CreatedUtc });

        var counter = modelBuilder.Entity<CustomerCounter>();
        counter.ToTable("CustomerCounters");
        counter.HasKey(c => c.Name);
        counter.Property(c => c.Name).HasMaxLength(CounterNameLength);
    }
}

/// <summary>A named sequence (the next generated account number), advanced atomically in SQL.</summary>
internal sealed class CustomerCounter
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
