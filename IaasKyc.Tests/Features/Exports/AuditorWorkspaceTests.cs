using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Exports;

/// <summary>The workspace search over SQLite in memory: customers, owners, audit entries, certifications and ADP applications; each with where to open and export it.</summary>
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

    /// <summary>A signed initial certification as of 2025-11-30, a draft annual one as of 2026-11-30, a signed annual one as of 2025-06-30 and an ADP application.</summary>
    private async Task<(Certification Initial2025, Certification Annual2026, Certification Annual2025, AdpApplication Adp)> CertificationsAsync()
    {
        var initial = new Certification(Guid.NewGuid(), CertificationKind.Initial, new DateOnly(2025, 11, 30), null, "{}", "officer@example.test", db.UtcNow);
        initial.Sign("approver@example.test", "Avery Quinn", "Chief Compliance Officer", db.UtcNow);
        var annual = new Certification(Guid.NewGuid(), CertificationKind.Annual, new DateOnly(2026, 11, 30), null, "{}", "officer@example.test", db.UtcNow);
        var older = new Certification(Guid.NewGuid(), CertificationKind.Annual, new DateOnly(2025, 6, 30), null, "{}", "officer@example.test", db.UtcNow);
        var adp = new AdpApplication(Guid.NewGuid(), "All IaaS products sold through foreign resellers", "{}", "officer@example.test", db.UtcNow);
        await using var ctx = db.NewContext();
        ctx.Certifications.AddRange(initial, annual, older);
        ctx.AdpApplications.Add(adp);
        await ctx.SaveChangesAsync(Ct);
        return (initial, annual, older, adp);
    }

    [Fact]
    public async Task A_certification_is_found_by_kind_and_year_ignoring_case_with_its_pdf()
    {
        var (_, annual, _, _) = await CertificationsAsync();

        var found = await db.Get<AuditorWorkspace>().SearchAsync("ANNUAL 2026", Ct);

        var certification = Assert.Single(found);
        Assert.Equal(FoundKind.Certification, certification.Kind);
        Assert.Equal("Annual certification as of 2026-11-30", certification.Title);
        Assert.Equal("Draft", certification.Detail);
        Assert.Equal($"/certifications/{annual.Id}", certification.Href);
        Assert.Equal($"/certifications/{annual.Id}/report.pdf", certification.PdfHref);
    }

    [Fact]
    public async Task Certifications_are_found_by_state_and_by_id()
    {
        var (initial, annual, older, _) = await CertificationsAsync();

        var signed = await db.Get<AuditorWorkspace>().SearchAsync("signed", Ct);
        var byId = await db.Get<AuditorWorkspace>().SearchAsync(older.Id.ToString(), Ct);
        var allAnnual = await db.Get<AuditorWorkspace>().SearchAsync("annual", Ct);

        var one = Assert.Single(signed);
        Assert.Equal($"/certifications/{initial.Id}/report.pdf", one.PdfHref);
        Assert.StartsWith("Signed by Avery Quinn", one.Detail, StringComparison.Ordinal);
        Assert.Equal($"/certifications/{older.Id}", Assert.Single(byId, f => f.Kind == FoundKind.Certification).Href);
        Assert.Equal([$"/certifications/{annual.Id}", $"/certifications/{older.Id}"], allAnnual.Select(f => f.Href));
    }

    [Fact]
    public async Task An_adp_application_is_found_by_scope_and_as_adp_with_its_pdf()
    {
        var (_, _, _, adp) = await CertificationsAsync();

        var byScope = await db.Get<AuditorWorkspace>().SearchAsync("foreign RESELLERS", Ct);
        var byName = await db.Get<AuditorWorkspace>().SearchAsync("adp", Ct);

        var application = Assert.Single(byScope);
        Assert.Equal(FoundKind.AdpApplication, application.Kind);
        Assert.Equal($"/adp/{adp.Id}", application.Href);
        Assert.Equal($"/adp/{adp.Id}/report.pdf", application.PdfHref);
        Assert.Contains("Draft", application.Detail, StringComparison.Ordinal);
        Assert.Equal(application, Assert.Single(byName));
    }

    [Fact]
    public async Task A_one_letter_search_finds_nothing()
    {
        await CustomerWithOwnerAsync();

        Assert.Empty(await db.Get<AuditorWorkspace>().SearchAsync("n", Ct));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
