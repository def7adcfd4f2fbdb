using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.SpecialMeasures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class SpecialMeasureConfiguration : IEntityTypeConfiguration<SpecialMeasure>
{
    public void Configure(EntityTypeBuilder<SpecialMeasure> b)
    {
        b.ToTable("SpecialMeasures");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.Number).IsUnique();
        b.Property(m => m.Target).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Country).HasMaxLength(2);
        b.Property(m => m.PersonName).HasMaxLength(SpecialMeasureRules.NameMax);
        b.Property(m => m.Aliases).HasMaxLength(SpecialMeasureRules.AliasesMax);
        b.Property(m => m.ConditionText).HasMaxLength(SpecialMeasureRules.ConditionMax);
        b.Property(m => m.SourceReference).HasMaxLength(SpecialMeasureRules.SourceMax);
        b.Property(m => m.Description).HasMaxLength(SpecialMeasureRules.DescriptionMax);
        b.Property(m => m.RecordedBy).HasMaxLength(256);
        b.Property(m => m.ApprovedBy).HasMaxLength(256);
        b.Property(m => m.WithdrawnBy).HasMaxLength(256);
        b.Property(m => m.WithdrawalReason).HasMaxLength(1000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.Reference);
        b.Ignore(m => m.Terms);
        // The customer service asks, on every risk evaluation, which approved entries are in effect today.
        b.HasIndex(m => new { m.Status, m.EffectiveDate, m.ExpiryDate });
    }
}
