using IaasKyc.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ComputedRisk).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.RiskOverride).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.LegalName).HasMaxLength(300);
        b.Property(c => c.OtherNames).HasMaxLength(500);
        b.Property(c => c.AddressLine1).HasMaxLength(200);
        b.Property(c => c.AddressLine2).HasMaxLength(200);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.Region).HasMaxLength(100);
        b.Property(c => c.PostalCode).HasMaxLength(20);
        b.Property(c => c.Country).HasMaxLength(2);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.CitizenshipOrJurisdiction).HasMaxLength(6);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsPendingDecision);

        b.HasMany(c => c.Accounts).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Discrepancies).WithOne().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Accounts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Discrepancies).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The customers list filters and sorts on these (100,000 customers: see docs/performance.md). Newest first within a
        // status, risk or country, so that sorting by one of them ascending reads the index in order instead of sorting a group.
        b.HasIndex(c => new { c.Status, c.UpdatedAtUtc }).IsDescending(false, true);
        b.HasIndex(c => new { c.ComputedRisk, c.UpdatedAtUtc }).IsDescending(false, true);
        // Risk and U.S./foreign together (the review of foreign customers by risk) seek instead of filtering thousands of rows.
        b.HasIndex(c => new { c.ComputedRisk, c.UsPerson, c.UpdatedAtUtc }).IsDescending(false, false, true);
        b.HasIndex(c => new { c.Country, c.UpdatedAtUtc }).IsDescending(false, true);
        b.HasIndex(c => new { c.UsPerson, c.UpdatedAtUtc });
        b.HasIndex(c => new { c.Status, c.LegalName });
        // The text search (LIKE '%x%') cannot seek; with name and e-mail in the index it scans the index, not the wide table rows.
        b.HasIndex(c => new { c.UpdatedAtUtc, c.LegalName, c.Email });
        b.HasIndex(c => c.LegalName);
        b.HasIndex(c => c.Email);
        // The deadline board's retention clocks start from the records closed long enough ago (docs/performance.md, Dashboard).
        b.HasIndex(c => c.ClosedAtUtc);
    }
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasKey(a => a.Id);
        // Keys are made in the domain: an entity reached through its customer's collection is new, not an existing row to update.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Reference).HasMaxLength(64);
        b.HasIndex(a => a.Reference).IsUnique();
        b.HasIndex(a => a.CustomerId);
        // Covering for the certification's open-account count per customer on a day (docs/performance.md, Certifications).
        b.HasIndex(a => new { a.CustomerId, a.OpenedAtUtc, a.ClosedAtUtc });
        // With the customer's: the accounts closed long enough ago for their customer's retention to end soon.
        b.HasIndex(a => new { a.ClosedAtUtc, a.CustomerId });
        b.Property(a => a.PaymentMeans).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.PaymentSource).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.IssuerCountry).HasMaxLength(2);
        b.Property(a => a.PaymentIdentifierEncrypted).HasMaxLength(300);
        b.Property(a => a.PaymentIdentifierMasked).HasMaxLength(80);
        b.Property(a => a.PaymentSourceName).HasMaxLength(300);
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.HasKey(e => e.Id);
        // Keys are made in the domain: an entity reached through its customer's collection is new, not an existing row to update.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.DocumentType).HasMaxLength(100);
        b.Property(e => e.DocumentNumberEncrypted).HasMaxLength(300);
        b.Property(e => e.DocumentNumberMasked).HasMaxLength(80);
        b.Property(e => e.IssuingCountry).HasMaxLength(2);
        b.Property(e => e.UploadId).HasMaxLength(32);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.Source).HasMaxLength(300);
        b.Property(e => e.Result).HasMaxLength(1000);
        b.Property(e => e.OwnerKey).HasMaxLength(64);
        b.HasIndex(e => e.CustomerId);
    }
}

public sealed class DiscrepancyConfiguration : IEntityTypeConfiguration<Discrepancy>
{
    public void Configure(EntityTypeBuilder<Discrepancy> b)
    {
        b.HasKey(d => d.Id);
        // Keys are made in the domain: an entity reached through its customer's collection is new, not an existing row to update.
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.Resolution).HasMaxLength(2000);
        b.HasIndex(d => d.CustomerId);
    }
}

public sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> b)
    {
        b.HasKey(h => h.Id);
        // Keys are made in the domain: an entity reached through its customer's collection is new, not an existing row to update.
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.CustomerId, h.AtUtc });
        // Covering for the certification's status-on-the-day lookup: the status is read from the index, not the row.
        b.HasIndex(h => new { h.CustomerId, h.AtUtc, h.To });
        b.HasIndex(h => new { h.To, h.AtUtc });
    }
}

public sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Ip).HasMaxLength(45);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Lookups by address or CIDR block (a byte range) and by time, within one account.
        b.HasIndex(e => new { e.AccountId, e.IpBytes });
        b.HasIndex(e => new { e.AccountId, e.AtUtc });
    }
}

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(1000);
        b.Property(p => p.Eccn).HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class CipDocumentConfiguration : IEntityTypeConfiguration<CipDocument>
{
    public void Configure(EntityTypeBuilder<CipDocument> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.Number).IsUnique();
        b.Ignore(d => d.VersionLabel);
    }
}
