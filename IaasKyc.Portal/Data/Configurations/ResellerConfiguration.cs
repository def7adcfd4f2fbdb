using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class ResellerConfiguration : IEntityTypeConfiguration<Reseller>
{
    public void Configure(EntityTypeBuilder<Reseller> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.CustomerId).IsUnique();
        b.HasOne<Customer>().WithOne().HasForeignKey<Reseller>(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Arrangement).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.AgreementReference).HasMaxLength(ResellerRules.ReferenceMax);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();

        b.HasMany(r => r.Contacts).WithOne().HasForeignKey(c => c.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.CipFiles).WithOne().HasForeignKey(f => f.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.EndAccounts).WithOne().HasForeignKey(a => a.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.CipFiles).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.EndAccounts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Flags).WithOne().HasForeignKey(f => f.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.Flags).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class NonComplianceFindingConfiguration : IEntityTypeConfiguration<NonComplianceFinding>
{
    public void Configure(EntityTypeBuilder<NonComplianceFinding> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.What).HasMaxLength(2000);
        b.Property(f => f.Evidence).HasMaxLength(4000);
        b.Property(f => f.RulePackVersion).HasMaxLength(100);
        b.Property(f => f.RecordedBy).HasMaxLength(256);
        b.Property(f => f.ClosedBy).HasMaxLength(256);
        b.Property(f => f.CureNote).HasMaxLength(2000);
        b.Ignore(f => f.IsOpen);
        b.HasIndex(f => f.ResellerId);
    }
}

public sealed class TerminationFlagConfiguration : IEntityTypeConfiguration<TerminationFlag>
{
    public void Configure(EntityTypeBuilder<TerminationFlag> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasIndex(f => f.AccountId);
        b.HasIndex(f => f.ResellerId);
        b.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResellerContactConfiguration : IEntityTypeConfiguration<ResellerContact>
{
    public void Configure(EntityTypeBuilder<ResellerContact> b)
    {
        b.HasKey(c => c.Id);
        // Keys are made in the domain: an entity reached through its reseller's collection is new, not an existing row to update.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(IntakeRules.NameMax);
        b.Property(c => c.Title).HasMaxLength(IntakeRules.ShortMax);
        b.Property(c => c.Email).HasMaxLength(IntakeRules.EmailMax);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.HasIndex(c => c.ResellerId);
    }
}

public sealed class ResellerCipFileConfiguration : IEntityTypeConfiguration<ResellerCipFile>
{
    public void Configure(EntityTypeBuilder<ResellerCipFile> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.UploadId).HasMaxLength(32);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.ResellerId, f.Number }).IsUnique();
    }
}

public sealed class ResellerEndAccountConfiguration : IEntityTypeConfiguration<ResellerEndAccount>
{
    public void Configure(EntityTypeBuilder<ResellerEndAccount> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        // An account comes through at most one reseller.
        b.HasIndex(a => a.AccountId).IsUnique();
        b.HasIndex(a => a.ResellerId);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResellerStatusChangeConfiguration : IEntityTypeConfiguration<ResellerStatusChange>
{
    public void Configure(EntityTypeBuilder<ResellerStatusChange> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.By).HasMaxLength(256);
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.ResellerId, h.AtUtc });
    }
}

public sealed class AttestationTemplateConfiguration : IEntityTypeConfiguration<AttestationTemplate>
{
    public void Configure(EntityTypeBuilder<AttestationTemplate> b)
    {
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Introduction).HasMaxLength(AttestationTemplate.IntroductionMax);
        b.Property(t => t.DraftedBy).HasMaxLength(256);
        b.Property(t => t.ApprovedBy).HasMaxLength(256);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.Label);
        b.Ignore(t => t.IsApproved);
        b.Ignore(t => t.IsSent);
        b.Ignore(t => t.ClauseTexts);
    }
}

public sealed class AttestationConfiguration : IEntityTypeConfiguration<Attestation>
{
    public void Configure(EntityTypeBuilder<Attestation> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.TokenHash).HasMaxLength(64);
        b.HasIndex(a => a.TokenHash).IsUnique();
        b.HasIndex(a => new { a.ResellerId, a.SentAtUtc });
        b.HasOne<Reseller>().WithMany().HasForeignKey(a => a.ResellerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AttestationTemplate>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.TextSha256).HasMaxLength(64);
        b.Property(a => a.SignedTextSha256).HasMaxLength(64);
        b.Property(a => a.RulePackVersion).HasMaxLength(100);
        b.Property(a => a.SentTo).HasMaxLength(IntakeRules.EmailMax);
        b.Property(a => a.SentBy).HasMaxLength(256);
        b.Property(a => a.RevokedBy).HasMaxLength(256);
        b.Property(a => a.SignerName).HasMaxLength(IntakeRules.NameMax);
        b.Property(a => a.SignerTitle).HasMaxLength(IntakeRules.ShortMax);
        b.Property(a => a.SignerEmail).HasMaxLength(IntakeRules.EmailMax);
        b.Property(a => a.SignerIp).HasMaxLength(45);
        b.Property(a => a.RemindersSent).HasMaxLength(200);
        b.Ignore(a => a.Reminded);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class CipProductionRequestConfiguration : IEntityTypeConfiguration<CipProductionRequest>
{
    public void Configure(EntityTypeBuilder<CipProductionRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Reference).HasMaxLength(ResellerRules.ReferenceMax);
        b.Property(r => r.ResellerIds).HasMaxLength(4000);
        b.Property(r => r.RulePackVersion).HasMaxLength(100);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Property(r => r.SentBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Resellers);
        b.Ignore(r => r.SentLate);
        b.HasIndex(r => r.ReceivedOn);
        b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class CipProductionDocumentConfiguration : IEntityTypeConfiguration<CipProductionDocument>
{
    public void Configure(EntityTypeBuilder<CipProductionDocument> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.UploadId).HasMaxLength(32);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.AttachedBy).HasMaxLength(256);
        b.HasIndex(d => d.RequestId);
    }
}
