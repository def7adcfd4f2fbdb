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

        var customers = db.Get<IaasKyc.Portal.Features.Customers.CustomerService>();
        var draft = await customers.CreateAsync(Support.Customers.ForeignEntity("Draft GmbH", "ACC-D"), ct);
        await customers.CreateAsync(Support.Customers.UsIndividual("Submitted Person", "ACC-S"), ct);
        var us = (await db.Get<IaasKyc.Portal.Features.Customers.CustomerQueries>().ListAsync(new(Text: "Submitted"), ct)).Items[0];
        Assert.True((await customers.SubmitAsync(us.Id, (await db.Get<IaasKyc.Portal.Features.Customers.CustomerQueries>().GetAsync(us.Id, ct))!.Version, ct)).Ok);

        var summary = await db.Get<HomeService>().SummaryAsync(ServiceTestDb.Actor, ct);

        Assert.True(draft.Ok);
        Assert.Equal(new HomeSummary(RulePack.DefaultVersion, RulePack.Default.EffectiveFrom,
            AuditEntriesToday: 3 + 8, AuditEntriesTotal: 6 + 8, Users: 2, LockedOutUsers: 1, ActiveApiKeys: 1,
            Customers: 2, AwaitingDecision: 1, Escalated: 0, MyDrafts: 1), summary);
    }
}
