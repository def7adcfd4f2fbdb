using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Owners;

/// <summary>The ownership service over SQLite in memory with the audit interceptor.</summary>
public sealed class OwnershipServiceTests : IAsyncDisposable
{
    private const string Approver = "approver@x";

    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnershipService Service => db.Get<OwnershipService>();

    /// <summary>Anna owns 40 % directly; Holding (60 %) is owned 50/50 by Ben and Anna; Clara is the senior officer.</summary>
    internal static OwnershipGraph Structure(bool withBen = true)
    {
        List<OwnerNode> nodes =
        [
            new("anna", OwnerKind.Individual, "Anna Schmidt", "DE"),
            new("holding", OwnerKind.Entity, "Schmidt Holding GmbH", "DE", "HRB 1"),
            new("clara", OwnerKind.Individual, "Clara Vogel", "DE"),
        ];
        List<OwnershipEdge> edges =
        [
            new("anna", OwnershipGraph.CustomerKey, 40m),
            new("holding", OwnershipGraph.CustomerKey, 60m),
            new("anna", "holding", withBen ? 50m : 100m),
            new("clara", OwnershipGraph.CustomerKey, null, ControlRole.SeniorOfficer),
        ];
        if (withBen)
        {
            nodes.Add(new("ben", OwnerKind.Individual, "Ben Krause", "AT"));
            edges.Add(new("ben", "holding", 50m));
        }
        return new OwnershipGraph(nodes, edges);
    }

    private async Task<Guid> SubmittedAsync() => await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());

    private async Task<CustomerDetail> CustomerAsync(Guid id) => (await db.Get<CustomerQueries>().GetAsync(id, Ct))!;

    [Fact]
    public async Task Stores_the_structure_and_computes_the_beneficial_owners()
    {
        var id = await SubmittedAsync();

        var outcome = await Service.ReplaceAsync(id, Structure(), ct: Ct);

        Assert.True(outcome.Ok, outcome.Message);
        var view = await Service.GetAsync(id, Ct);
        Assert.NotNull(view);
        Assert.True(view.Stored);
        Assert.Equal(outcome.Version, view.Version);
        Assert.Equal(4, view.Graph.Nodes.Count);
        Assert.Equal(ServiceTestDb.Actor, view.UpdatedBy);
        var owners = view.Result.BeneficialOwners.ToDictionary(o => o.Key);
        Assert.Equal(70m, owners["anna"].EffectivePercent);
        Assert.Equal(30m, owners["ben"].EffectivePercent);
        Assert.Equal(0m, owners["clara"].EffectivePercent);
        Assert.Contains(owners["clara"].Reasons, r => r.Contains("senior officer", StringComparison.Ordinal));
        Assert.DoesNotContain("holding", owners.Keys);
    }

    [Fact]
    public async Task A_refused_structure_leaves_the_stored_one_unchanged()
    {
        var id = await SubmittedAsync();
        var first = await Service.ReplaceAsync(id, Structure(), ct: Ct);
        var bad = Structure() with { Edges = [.. Structure().Edges.Select(e => e.From == "ben" ? e with { Percent = 120m } : e)] };

        var refused = await Service.ReplaceAsync(id, bad, ct: Ct);

        Assert.False(refused.Ok);
        Assert.Contains(refused.Findings, f => f.Field == "edges[4].percent");
        var view = await Service.GetAsync(id, Ct);
        Assert.Equal(first.Version, view!.Version);
        Assert.Equal(50m, view.Graph.Edges.Single(e => e.From == "ben").Percent);
    }

    [Fact]
    public async Task Unknown_and_individual_customers_are_refused()
    {
        var unknown = await Service.ReplaceAsync(Guid.NewGuid(), Structure(), ct: Ct);
        var created = await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual(), Ct);
        var individual = await Service.ReplaceAsync(created.Id!.Value, Structure(), ct: Ct);

        Assert.Equal(OwnershipService.NotFoundCode, Assert.Single(unknown.Findings).Code);
        Assert.Null(await Service.GetAsync(Guid.NewGuid(), Ct));
        Assert.Equal("ownership.individualCustomer", Assert.Single(individual.Findings).Code);
    }

    [Fact]
    public async Task A_new_beneficial_owner_sends_a_verified_customer_back_to_review_with_a_note()
    {
        var id = await SubmittedAsync();
        Assert.True((await Service.ReplaceAsync(id, Structure(withBen: false), ct: Ct)).Ok);
        foreach (var key in new[] { "anna", "clara" })
            Assert.True((await Service.SaveProfileAsync(id, key, OwnerProfileServiceTests.Profile(usPerson: true), null, Ct)).Ok);
        var verified = await db.As<CustomerService>(Approver).VerifyAsync(id, (await CustomerAsync(id)).Version, null, Ct);
        Assert.True(verified.Ok, verified.Message);
        Assert.Equal(CustomerStatus.Verified, (await CustomerAsync(id)).Status);

        // The same owners again (Anna's share unchanged): still verified.
        Assert.True((await Service.ReplaceAsync(id, Structure(withBen: false), ct: Ct)).Ok);
        Assert.Equal(CustomerStatus.Verified, (await CustomerAsync(id)).Status);

        var changed = await Service.ReplaceAsync(id, Structure(withBen: true), ct: Ct);

        Assert.True(changed.Ok, changed.Message);
        var customer = await CustomerAsync(id);
        Assert.Equal(CustomerStatus.Submitted, customer.Status);
        Assert.Contains("Ben Krause", customer.ReviewNote ?? "", StringComparison.Ordinal);
        Assert.Contains(customer.History, h => h.From == CustomerStatus.Verified && h.To == CustomerStatus.Submitted
            && h.Note.Contains("New beneficial owner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storing_writes_an_audit_entry_with_the_names_encrypted_under_the_customer()
    {
        var id = await SubmittedAsync();

        Assert.True((await Service.ReplaceAsync(id, Structure(), ct: Ct)).Ok);

        var entry = Assert.Single(await db.AuditEntriesAsync(), e => e.EntityType == "Ownership");
        Assert.Equal("create", entry.Action);
        Assert.Equal(id.ToString(), entry.SubjectId);
        Assert.Equal(ServiceTestDb.Actor, entry.Actor);
        Assert.DoesNotContain("Anna Schmidt", entry.ChangesJson, StringComparison.Ordinal);
        Assert.Contains("EdgesJson", entry.ChangesJson, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}
