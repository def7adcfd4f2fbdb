using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Recipient).HasMaxLength(256).IsRequired();
        b.Property(n => n.ClockKey).HasMaxLength(200).IsRequired();
        b.Property(n => n.Threshold).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Title).HasMaxLength(500).IsRequired();
        b.Property(n => n.Href).HasMaxLength(300).IsRequired();
        // Once per recipient, clock, due date and threshold.
        b.HasIndex(n => new { n.Recipient, n.ClockKey, n.DueDate, n.Threshold }).IsUnique();
        b.HasIndex(n => new { n.Recipient, n.ReadAtUtc });
    }
}

/// <summary>The dashboard's customer queries (docs/performance.md "Dashboard"); kept here, with the dashboard.</summary>
public sealed class DashboardCustomerIndexConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        // The deadline board's re-verification query: verified customers due by a day.
        b.HasIndex(c => new { c.Status, c.ReverifyDue });
        // The three customer charts in one GROUP BY that reads this index only, in its order (no sort, no table row).
        b.HasIndex(c => new { c.Status, c.ComputedRisk, c.UsPerson, c.Country });
        // The work counts by role (own drafts, returned to me, awaiting a decision by someone else) from the index alone.
        b.HasIndex(c => new { c.Status, c.CreatedBy, c.SubmittedBy });
    }
}
