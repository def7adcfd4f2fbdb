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

/// <summary>The deadline board's re-verification query (verified customers due by a day); kept here, with the dashboard.</summary>
public sealed class DashboardCustomerIndexConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b) => b.HasIndex(c => new { c.Status, c.ReverifyDue });
}
