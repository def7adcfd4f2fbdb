using IaasKyc.Portal.Features.Cip;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Cip;

public sealed class CipServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private static CipDraft Draft(string contact = "Dana Whitfield") => new(
        "Documentary verification of every foreign customer; non-documentary checks against two independent databases for high risk.",
        "No GPU products and a USD 500 monthly cap until verified.", "Accounts are refused when verification fails twice.",
        "Unverified customers are closed after 30 days.", "Your information may be disclosed to the U.S. Government.",
        "Abuse desk 24/7, network telemetry, anomaly detection on GPU usage.", contact, "Chief Compliance Officer", "cip@provider.example", "+1 202 555 0147");

    [Fact]
    public async Task Publishing_numbers_versions_and_keeps_earlier_ones_unchanged()
    {
        var service = db.Get<CipService>();

        Assert.True((await service.PublishAsync(Draft("Dana Whitfield"))).Ok);
        Assert.True((await service.PublishAsync(Draft("Sam Okoro") with { BasedOn = 1 })).Ok);

        var history = await service.HistoryAsync();
        Assert.Equal([2, 1], history.Select(h => h.Number));
        Assert.Equal("Sam Okoro", (await service.CurrentAsync())!.ContactName);
        Assert.Equal("Dana Whitfield", history[1].ContactName);
        Assert.Equal("CIP v2", history[0].VersionLabel);
        Assert.Equal("+12025550147", history[0].ContactPhone);
    }

    [Fact]
    public async Task A_draft_missing_sections_names_each_field_and_publishes_nothing()
    {
        var service = db.Get<CipService>();

        var outcome = await service.PublishAsync(Draft() with { RestrictedUse = " ", ContactEmail = "not-an-email" });

        Assert.False(outcome.Ok);
        Assert.Equal(["contactEmail", "restrictedUse"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Null(await service.CurrentAsync());
    }

    [Fact]
    public async Task A_draft_written_from_an_older_version_is_a_conflict_and_publishes_nothing_until_based_on_the_newer_one()
    {
        var service = db.Get<CipService>();
        Assert.True((await service.PublishAsync(Draft("Dana Whitfield"))).Ok);
        Assert.True((await service.PublishAsync(Draft("Sam Okoro") with { BasedOn = 1 })).Ok);

        var stale = await service.PublishAsync(Draft("Riya Patel") with { BasedOn = 1 });
        var first = await service.PublishAsync(Draft("Riya Patel"));

        Assert.True(stale.Conflict);
        Assert.True(first.Conflict);
        Assert.Equal("Sam Okoro", (await service.CurrentAsync())!.ContactName);
        Assert.True((await service.PublishAsync(Draft("Riya Patel") with { BasedOn = 2 })).Ok);
        Assert.Equal([3, 2, 1], (await service.HistoryAsync()).Select(h => h.Number));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
