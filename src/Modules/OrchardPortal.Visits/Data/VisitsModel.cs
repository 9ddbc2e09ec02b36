using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Visits.Models;

namespace OrchardPortal.Visits.Data;

/// <summary>The Visits module's tenant tables. <see cref="VisitsMigration"/> must create exactly this shape.</summary>
internal sealed class VisitsModel : IModelContributor
{
    public const int ServiceNameLength = 100;
    public const int LocationLength = 300;
    public const int NotesLength = 2000;
    public const int MessageLength = 500;
    public const int PersonLength = 150;
    public const int EnumLength = 12;
    public const int HashLength = 64;
    public const int EmailLength = 254;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var visit = modelBuilder.Entity<Visit>();
        visit.ToTable("Visits");
        visit.HasKey(v => v.Id);
        visit.Property(v => v.ServiceName).HasMaxLength(ServiceNameLength);
        visit.Property(v => v.Location).HasMaxLength(LocationLength);
        visit.Property(v => v.CrewNotes).HasMaxLength(NotesLength);
        visit.Property(v => v.CustomerNotes).HasMaxLength(NotesLength);
        visit.Property(v => v.DelayMessage).HasMaxLength(MessageLength);
        visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(EnumLength);
        visit.Ignore(v => v.IsUpcoming);
        visit.Property(v => v.Version).IsConcurrencyToken();
        visit.HasIndex(v => new { v.CustomerId, v.WindowStartUtc });
        visit.HasIndex(v => v.WindowStartUtc);

        var request = modelBuilder.Entity<VisitChangeRequest>();
        request.ToTable("VisitChangeRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(EnumLength);
        request.Property(r => r.PreferredDates).HasMaxLength(MessageLength);
        request.Property(r => r.Notes).HasMaxLength(NotesLength);
        request.Property(r => r.RequestedBy).HasMaxLength(PersonLength);
        request.Property(r => r.RequestedByEmail).HasMaxLength(EmailLength);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.Property(r => r.DecidedBy).HasMaxLength(PersonLength);
        request.Property(r => r.DeclineReason).HasMaxLength(MessageLength);
        request.HasIndex(r => new { r.VisitId, r.Status });
        request.HasIndex(r => new { r.Status, r.CreatedUtc });

        var feed = modelBuilder.Entity<CalendarFeed>();
        feed.ToTable("VisitCalendarFeeds");
        feed.HasKey(f => f.CustomerId);
        feed.Property(f => f.CustomerId).ValueGeneratedNever();
        feed.Property(f => f.TokenHash).HasMaxLength(HashLength);
        feed.HasIndex(f => f.TokenHash).IsUnique();
    }
}
