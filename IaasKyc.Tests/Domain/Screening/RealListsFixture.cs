using IaasKyc.Domain.Screening;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Screening;

/// <summary>The real lists parsed once per test class, and the index over SDN + DPL that the benchmark measures.</summary>
public sealed class RealListsFixture
{
    public ParsedList Sdn { get; } = ListFiles.Parse(ListSource.OfacSdn);
    public ParsedList Dpl { get; } = ListFiles.Parse(ListSource.BisDpl);
    public ParsedList Csl { get; } = ListFiles.Parse(ListSource.Csl);

    public ScreeningIndex Index { get; }

    public RealListsFixture() => Index = ScreeningIndex.Build([.. Sdn.Entries, .. Dpl.Entries]);

    public ListEntry Ofac(string entNum) => Sdn.Entries.Single(e => e.EntryId == entNum);
}
