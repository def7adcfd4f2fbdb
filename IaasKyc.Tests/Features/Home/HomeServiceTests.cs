using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Home;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Home;

public sealed class HomeServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task The_summary_counts_stored_data_and_today_s_entries_in_New_York()
    {
        await using (var context = db.NewContext())
        {
            await RulePackService.EnsureDefaultAsync(context, db.UtcNow, ct);
            var locked = Make.User(email: "locked@example.com");
            locked.LockoutEnd = db.Clock.GetUtcNow().AddDays(1);
            var lockExpired = Make.User(email: "back@example.com");
            lockExpired.LockoutEnd = db.Clock.GetUtcNow().AddMinutes(-1);
            context.Users.AddRange(locked, lockExpired);
            await context.SaveChangesAsync(ct);
        }
        // 00:30 on 16 June in New York.
        db.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 4, 30, 0, TimeSpan.Zero));
        var keys = db.Get<ApiKeyService>();
        await keys.CreateAsync("Kept", [ApiScopes.Audit], "admin@example.com", ct);
        var revoked = await keys.CreateAsync("Revoked", [ApiScopes.Audit], "admin@example.com", ct);
        await keys.RevokeAsync(revoked.Key.Id, revoked.Key.Version, "admin@example.com", ct);

        var summary = await db.Get<HomeService>().SummaryAsync(ct);

        Assert.Equal(new HomeSummary(RulePack.DefaultVersion, RulePack.Default.EffectiveFrom,
            AuditEntriesToday: 3, AuditEntriesTotal: 6, Users: 2, LockedOutUsers: 1, ActiveApiKeys: 1), summary);
    }
}
