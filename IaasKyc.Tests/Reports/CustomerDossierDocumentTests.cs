using System.Globalization;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Reports;

/// <summary>The customer CIP dossier read back with PdfPig: each key fact is in it, computed from what was stored.</summary>
public sealed class CustomerDossierDocumentTests : IAsyncDisposable
{
    private const string Officer = "officer@x";
    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A German entity named like an SDN entry (a hit on submission), with 60 access records from 3 addresses over 60 days,
    /// and two owners of whom one holds 60 %.
    /// </summary>
    private async Task<Guid> RichCustomerAsync()
    {
        var import = await db.Get<ListImportService>().ImportAsync(ListSource.OfacSdn, ListFixtures.Sdn(), ct: Ct);
        Assert.True(import.Ok);
        var id = await Support.Customers.SubmittedForeignAsync(db.As<CustomerService>(Officer), db.Get<CustomerQueries>(), "Korvex Data Systems LLC", "ACC-KDS-1");
        var start = new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc);
        string[] addresses = ["198.51.100.7", "203.0.113.9", "2001:db8::42"];
        var rows = Enumerable.Range(0, 60).Select(i => (AccessEventInput?)new AccessEventInput(addresses[i % 3],
            start.AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), i == 59 ? "administration" : "access")).ToList();
        var ingest = await db.Get<AccessEventService>().IngestAsync("ACC-KDS-1", rows, Ct);
        Assert.True(ingest.Ok);
        var graph = new OwnershipGraph(
            [new("hansen", OwnerKind.Individual, "Greta Hansen", "DK"), new("fund", OwnerKind.Entity, "Baltic Compute Fund AB", "SE")],
            [new("hansen", OwnershipGraph.CustomerKey, 60m, ControlRole.SeniorOfficer), new("fund", OwnershipGraph.CustomerKey, 40m)]);
        var owned = await db.As<OwnershipService>(Officer).ReplaceAsync(id, graph, null, Ct);
        Assert.True(owned.Ok, owned.Message);
        return id;
    }

    [Fact]
    public async Task The_dossier_states_identity_masked_payment_ip_summary_owners_screening_and_the_chain_result()
    {
        var id = await RichCustomerAsync();

        var dossier = (await db.Get<CustomerDossierDocument>().RenderAsync(id, "auditor@x", Ct))!;

        var text = string.Join(' ', ServiceTestDb.PageTexts(dossier.Pdf));
        Assert.Contains("Customer CIP dossier", text);
        Assert.Contains("Korvex Data Systems LLC", text);
        Assert.Contains("Foreign person", text);
        Assert.Contains("Declared foreign address; German certificate of incorporation", text);
        Assert.Contains("••••••••3000", text);
        Assert.DoesNotContain("DE89370400440532013000", text);
        Assert.DoesNotContain("HRB 123456", text);
        Assert.Contains("Access records 60", text);
        Assert.Contains("Distinct addresses 3", text);
        Assert.Contains("First 2026-04-01 04:00 (UTC-04:00)", text);
        Assert.Contains("Last 2026-05-30 04:00 (UTC-04:00)", text);
        Assert.Contains("The latest 50 of 60 records, newest first", text);
        Assert.Contains("administration", text);
        Assert.Contains("Greta Hansen", text);
        Assert.Contains("owns 60", text);
        Assert.Contains("beneficial owner", text);
        Assert.Contains("KORVEX DATA SYSTEMS LLC", text);
        Assert.Contains("OFAC Specially", text);
        Assert.Contains("Chain verified: OK", text);
        Assert.Contains("Submitted", text);
        Assert.Contains(Officer, text);
        Assert.True(dossier.ChainOk);
        Assert.True(dossier.AuditEntries > 3);
    }

    [Fact]
    public async Task The_dossier_lists_each_list_snapshot_used_with_the_digest_of_its_files()
    {
        var id = await RichCustomerAsync();
        var sdn = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ListFixtures.Sdn()["sdn"]));

        var dossier = (await db.Get<CustomerDossierDocument>().RenderAsync(id, "auditor@x", Ct))!;

        var text = string.Join("", ServiceTestDb.PageTexts(dossier.Pdf)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains(sdn, text);
    }

    [Fact]
    public async Task The_dossier_shows_only_the_latest_fifty_access_records()
    {
        var id = await RichCustomerAsync();

        var dossier = (await db.Get<CustomerDossierDocument>().RenderAsync(id, "auditor@x", Ct))!;

        var text = string.Join(' ', ServiceTestDb.PageTexts(dossier.Pdf));
        Assert.Contains("2026-05-30 04:00", text);
        Assert.Contains("2026-04-11 04:00", text);
        Assert.DoesNotContain("2026-04-10 04:00", text);
    }

    [Fact]
    public async Task A_tampered_trail_makes_the_dossier_say_the_chain_is_broken()
    {
        var id = await RichCustomerAsync();
        await using (var context = db.NewContext())
            await context.AuditEntries.Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "mallory"), Ct);

        var dossier = (await db.Get<CustomerDossierDocument>().RenderAsync(id, "auditor@x", Ct))!;

        Assert.False(dossier.ChainOk);
        Assert.Contains("Chain BROKEN at sequence 3", string.Join(' ', ServiceTestDb.PageTexts(dossier.Pdf)));
    }

    [Fact]
    public async Task An_unknown_customer_has_no_dossier()
    {
        Assert.Null(await db.Get<CustomerDossierDocument>().RenderAsync(Guid.NewGuid(), "auditor@x", Ct));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
