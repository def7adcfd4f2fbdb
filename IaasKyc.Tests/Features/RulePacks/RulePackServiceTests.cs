using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.RulePacks;

public sealed class RulePackServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private RulePackService Packs => db.Get<RulePackService>();

    [Fact]
    public async Task EnsureDefault_stores_the_default_pack_once()
    {
        await EnsureDefaultAsync();
        await EnsureDefaultAsync();

        var stored = Assert.Single(await Packs.ListAsync(ct));
        Assert.Equal((RulePack.DefaultVersion, RulePack.Default.EffectiveFrom, true), (stored.Name, stored.EffectiveFrom, stored.IsActive));
        Assert.Equal(RulePack.Default.Parameters, stored.Parameters);
        Assert.Equal(RulePack.Default.Parameters, (await Packs.ActiveAsync(ct)).Parameters);
    }

    [Fact]
    public async Task Without_a_stored_version_the_default_pack_is_active()
    {
        var active = await Packs.ActiveAsync(ct);

        Assert.Equal(RulePack.DefaultVersion, active.Version);
    }

    [Fact]
    public async Task A_new_version_is_stored_with_trimmed_values()
    {
        await EnsureDefaultAsync();

        var (created, findings) = await Packs.CreateAsync(" 2026 final rule ", new DateOnly(2026, 7, 1),
            Make.Parameters(("aiReportDeadlineDays", " 30 ")), "admin@example.com", ct);

        Assert.Empty(findings);
        Assert.NotNull(created);
        Assert.Equal("2026 final rule", created.Name);
        var stored = (await Packs.ListAsync(ct)).Single(v => v.Name == "2026 final rule");
        Assert.Equal("30", stored.Parameters["aiReportDeadlineDays"]);
        Assert.Equal(("admin@example.com", db.UtcNow, false), (stored.CreatedBy, stored.CreatedAtUtc, stored.IsLocked));
    }

    [Fact]
    public async Task An_invalid_value_comes_back_as_a_finding_at_its_field_and_nothing_is_stored()
    {
        var (created, findings) = await Packs.CreateAsync("2026 final rule", new DateOnly(2026, 7, 1),
            Make.Parameters(("beneficialOwnershipPercent", "250")), "admin@example.com", ct);

        Assert.Null(created);
        Assert.Equal("beneficialOwnershipPercent", Assert.Single(findings).Field);
        Assert.Empty(await Packs.ListAsync(ct));
    }

    [Fact]
    public async Task A_version_name_can_be_used_only_once()
    {
        await EnsureDefaultAsync();

        var (created, findings) = await Packs.CreateAsync(RulePack.DefaultVersion + " ", new DateOnly(2026, 7, 1), Make.Parameters(), "admin@example.com", ct);

        Assert.Null(created);
        Assert.Equal(("rulePack.versionExists", "version"), (Assert.Single(findings).Code, findings[0].Field));
    }

    [Fact]
    public async Task An_unused_version_can_be_edited()
    {
        var (created, _) = await Packs.CreateAsync("2026 final rule", new DateOnly(2026, 7, 1), Make.Parameters(), "admin@example.com", ct);

        var findings = await Packs.UpdateAsync(created!.Id, created.Version, new DateOnly(2026, 8, 1),
            Make.Parameters(("dueSoonDays", "5")), ct);

        Assert.Empty(findings);
        var stored = Assert.Single(await Packs.ListAsync(ct));
        Assert.Equal((new DateOnly(2026, 8, 1), "5"), (stored.EffectiveFrom, stored.Parameters["dueSoonDays"]));
    }

    [Fact]
    public async Task Editing_with_a_stale_version_is_a_conflict()
    {
        var (created, _) = await Packs.CreateAsync("2026 final rule", new DateOnly(2026, 7, 1), Make.Parameters(), "admin@example.com", ct);
        await Packs.UpdateAsync(created!.Id, created.Version, new DateOnly(2026, 8, 1), Make.Parameters(), ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            Packs.UpdateAsync(created.Id, created.Version, new DateOnly(2026, 9, 1), Make.Parameters(), ct));

        Assert.Equal(new DateOnly(2026, 8, 1), Assert.Single(await Packs.ListAsync(ct)).EffectiveFrom);
    }

    [Fact]
    public async Task A_version_used_by_a_decision_cannot_be_edited()
    {
        await EnsureDefaultAsync();
        await using (var context = db.NewContext())
        {
            await RulePackService.RecordUseAsync(context, RulePack.DefaultVersion, db.UtcNow, ct);
            await context.SaveChangesAsync(ct);
        }
        var used = Assert.Single(await Packs.ListAsync(ct));

        var findings = await Packs.UpdateAsync(used.Id, used.Version, used.EffectiveFrom, Make.Parameters(("dueSoonDays", "5")), ct);

        Assert.True(used.IsLocked);
        Assert.Equal(("rulePack.versionUsed", "version"), (Assert.Single(findings).Code, findings[0].Field));
        Assert.Equal("3", Assert.Single(await Packs.ListAsync(ct)).Parameters["dueSoonDays"]);
    }

    [Fact]
    public async Task Recording_a_second_use_keeps_the_first_use_time()
    {
        await EnsureDefaultAsync();
        var first = db.UtcNow;
        await RecordUseAsync();
        db.Clock.Advance(TimeSpan.FromDays(1));

        await RecordUseAsync();

        Assert.Equal(first, Assert.Single(await Packs.ListAsync(ct)).FirstUsedAtUtc);
    }

    [Fact]
    public async Task The_active_version_changes_at_midnight_in_New_York_on_its_effective_date()
    {
        await EnsureDefaultAsync();
        await Packs.CreateAsync("2026 final rule", new DateOnly(2026, 7, 1), Make.Parameters(("aiReportDeadlineDays", "30")), "admin@example.com", ct);
        await Packs.CreateAsync("2027 amendment", new DateOnly(2027, 1, 1), Make.Parameters(("aiReportDeadlineDays", "20")), "admin@example.com", ct);

        db.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 3, 59, 0, TimeSpan.Zero));
        var lateOnJune30 = await Packs.ActiveAsync(ct);
        db.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
        var midnightJuly1 = await Packs.ActiveAsync(ct);
        var listed = await Packs.ListAsync(ct);

        Assert.Equal(RulePack.DefaultVersion, lateOnJune30.Version);
        Assert.Equal(("2026 final rule", 30), (midnightJuly1.Version, midnightJuly1.AiReportDeadlineDays));
        Assert.Equal(["2026 final rule"], listed.Where(v => v.IsActive).Select(v => v.Name));
        Assert.Equal(["2027 amendment", "2026 final rule", RulePack.DefaultVersion], listed.Select(v => v.Name));
    }

    private async Task EnsureDefaultAsync()
    {
        await using var context = db.NewContext();
        await RulePackService.EnsureDefaultAsync(context, db.UtcNow, ct);
    }

    private async Task RecordUseAsync()
    {
        await using var context = db.NewContext();
        await RulePackService.RecordUseAsync(context, RulePack.DefaultVersion, db.UtcNow, ct);
        await context.SaveChangesAsync(ct);
    }
}
