using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Exports;

/// <summary>The workspace search over SQLite in memory: customers, owners, audit entries; each with where to open and export it.</summary>
public sealed class AuditorWorkspaceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> CustomerWithOwnerAsync()
    {
        var id = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var graph = new OwnershipGraph([new("berg", OwnerKind.Individual, "Ingrid Bergström", "SE")],
            [new("berg", OwnershipGraph.CustomerKey, 100m, ControlRole.SeniorOfficer)]);
        Assert.True((await db.Get<OwnershipService>().ReplaceAsync(id, graph, null, Ct)).Ok);
        return id;
    }

    [Fact]
    public async Task A_beneficial_owner_is_found_by_name_with_the_customer_dossier()
    {
        var id = await CustomerWithOwnerAsync();

        var found = await db.Get<AuditorWorkspace>().SearchAsync("bergström", Ct);

        var owner = Assert.Single(found, f => f.Kind == FoundKind.BeneficialOwner);
        Assert.Equal("Ingrid Bergström", owner.Title);
        Assert.Equal($"/customers/{id}", owner.Href);
        Assert.Equal($"/customers/{id}/dossier.pdf", owner.PdfHref);
    }

    [Fact]
    public async Task A_customer_is_found_by_id_and_its_audit_entries_by_entity_id()
    {
        var id = await CustomerWithOwnerAsync();

        var found = await db.Get<AuditorWorkspace>().SearchAsync(id.ToString(), Ct);

        Assert.Single(found, f => f.Kind == FoundKind.Customer && f.Title == "Nordlicht Rechenzentrum GmbH");
        var entry = Assert.Single(found, f => f.Kind == FoundKind.AuditEntry && f.Title.Contains("create Customer", StringComparison.Ordinal));
        Assert.Equal($"/audit/extract.pdf?entityId={id}", entry.PdfHref);
    }

    [Fact]
    public async Task An_audit_entry_is_found_by_its_sequence_number()
    {
        await CustomerWithOwnerAsync();
        var first = (await db.AuditEntriesAsync())[0];

        var found = await db.Get<AuditorWorkspace>().SearchAsync(first.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.Contains(found, f => f.Kind == FoundKind.AuditEntry && f.Title.StartsWith($"#{first.Sequence} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_letter_search_finds_nothing()
    {
        await CustomerWithOwnerAsync();

        Assert.Empty(await db.Get<AuditorWorkspace>().SearchAsync("n", Ct));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
