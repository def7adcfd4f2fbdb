using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Storage;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Certifications;

/// <summary>ADP exemption applications (proposed § 7.304) through the service; today is 2026-06-15 in New York.</summary>
public sealed class AdpServiceTests : IAsyncDisposable
{
    private const string Approver = "approver@example.test";

    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private static Dictionary<AdpFactor, string?> Narratives(string? skip = null) =>
        Enum.GetValues<AdpFactor>().ToDictionary(f => f, f => f.ToString() == skip ? null : $"How we meet {f}.");

    private async Task HitsAsync(Guid customerId, params (AlertStatus Status, DateTime? DecidedAtUtc)[] hits)
    {
        await using var ctx = db.NewContext();
        var run = new ScreeningRun { Id = Guid.NewGuid(), CustomerId = customerId, SubjectKey = "customer", SubjectName = "Nordlicht", SubjectType = "entity", ScreenedBy = "t", ScreenedAtUtc = db.UtcNow };
        ctx.ScreeningRuns.Add(run);
        foreach (var (status, decided) in hits)
        {
            ctx.ScreeningAlerts.Add(new ScreeningAlert
            {
                Id = Guid.NewGuid(),
                RunId = run.Id,
                CustomerId = customerId,
                SubjectKey = "customer",
                SubjectName = "Nordlicht",
                Source = "ofac-sdn",
                EntryId = Guid.NewGuid().ToString("N"),
                EntryName = "X",
                EntryType = "entity",
                MatchedName = "X",
                Explanation = "",
                EntryContentHash = "h",
                Status = status,
                OpenedAtUtc = db.UtcNow.AddDays(-400),
                DecidedAtUtc = decided,
                DecidedBy = decided is null ? null : Approver,
            });
        }
        await ctx.SaveChangesAsync();
    }

    [Fact]
    public async Task The_figures_come_from_the_data_customers_and_screening_hits_reviewed()
    {
        var customer = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        await HitsAsync(customer, (AlertStatus.Cleared, db.UtcNow.AddDays(-10)), (AlertStatus.ConfirmedMatch, db.UtcNow.AddDays(-20)),
            (AlertStatus.Cleared, db.UtcNow.AddDays(-500)), (AlertStatus.Open, null), (AlertStatus.Proposed, null));

        var f = await db.Get<AdpService>().FiguresAsync();

        Assert.Equal((1, 1, 0), (f.Customers, f.ForeignCustomers, f.ForeignCustomersVerified));
        Assert.Equal((2, 2, 1), (f.HitsDecidedInYear, f.HitsOpen, f.ConfirmedMatches));
        Assert.Equal((0, 0, 0, 0), (f.ActiveResellers, f.ResellersWithValidAttestation, f.ResellersTerminatedInYear, f.OpenResellerFindings));
    }

    [Fact]
    public async Task An_Approver_other_than_the_preparer_signs_once_every_factor_has_its_narrative_and_then_records_the_grant_in_the_register()
    {
        var service = db.Get<AdpService>();
        var created = await service.CreateAsync("All accounts of the provider");
        var written = await service.WriteAsync(created.Id!.Value, created.Version!.Value, "All accounts of the provider", Narratives(skip: "DataSharing"));

        var incomplete = await db.As<AdpService>(Approver).SignAsync(created.Id.Value, written.Version!.Value, "Avery Quinn", "CCO");
        var complete = await service.WriteAsync(created.Id.Value, written.Version.Value, "All accounts of the provider", Narratives());
        var own = await service.SignAsync(created.Id.Value, complete.Version!.Value, "Test User", "Officer");
        var signed = await db.As<AdpService>(Approver).SignAsync(created.Id.Value, complete.Version.Value, "Avery Quinn", "CCO");
        var frozen = await service.WriteAsync(created.Id.Value, signed.Version!.Value, "Changed", Narratives());
        var early = await db.As<AdpService>(Approver).RecordGrantAsync(created.Id.Value, signed.Version.Value, new DateOnly(2026, 6, 14), "BIS-ADP-1", "All accounts");
        var granted = await db.As<AdpService>(Approver).RecordGrantAsync(created.Id.Value, signed.Version.Value, new DateOnly(2026, 6, 15), "BIS-ADP-1", "Accounts of enterprise customers");

        Assert.Equal("narratives.dataSharing", incomplete.Findings.Single().Field);
        Assert.True(own.Refused);
        Assert.True(signed.Ok, signed.Message);
        Assert.True(frozen.Refused);
        Assert.Equal("grantedOn", early.Findings.Single().Field);
        Assert.True(granted.Ok, granted.Message);
        var entry = Assert.Single(await service.RegisterAsync());
        Assert.Equal(("Accounts of enterprise customers", new DateOnly(2026, 6, 15), "BIS-ADP-1"), (entry.GrantedScope, entry.GrantedOn, entry.DecisionReference));
        Assert.Contains("notify the Department of any significant change", entry.Duty);
    }

    [Fact]
    public async Task Evidence_is_attached_to_a_factor_and_the_PDF_states_each_factor_with_its_figures_narrative_and_evidence()
    {
        var service = db.Get<AdpService>();
        var created = await service.CreateAsync("All accounts of the provider");
        var written = await service.WriteAsync(created.Id!.Value, created.Version!.Value, "All accounts of the provider", Narratives());
        var (upload, refused) = await db.Get<UploadStore>().SaveAsync(new MemoryStream("%PDF-1.4 cooperation agreement"u8.ToArray()), "mou-fbi.pdf", "file", [UploadKind.Pdf]);
        Assert.Null(refused);

        var noDescription = await service.AddEvidenceAsync(created.Id.Value, written.Version!.Value, AdpFactor.LawEnforcement, " ", upload!);
        var attached = await service.AddEvidenceAsync(created.Id.Value, written.Version.Value, AdpFactor.LawEnforcement, "Memorandum of understanding", upload!);
        var pdf = await db.Get<AdpApplicationDocument>().RenderAsync(created.Id.Value, "auditor@example.test");

        Assert.Equal("description", noDescription.Findings.Single().Field);
        Assert.True(attached.Ok, attached.Message);
        var evidence = Assert.Single((await service.GetAsync(created.Id.Value))!.Evidence);
        Assert.Equal((AdpFactor.LawEnforcement, "mou-fbi.pdf", upload!.Sha256), (evidence.Factor, evidence.FileName, evidence.Sha256));
        var text = string.Join(" ", ServiceTestDb.PageTexts(pdf!.Value.Pdf));
        Assert.Contains("ADP exemption application", text);
        Assert.Contains("4. Voluntary cooperation with law enforcement", text);
        Assert.Contains("How we meet LawEnforcement.", text);
        Assert.Contains("mou-fbi.pdf Memorandum of understanding", text);
        Assert.Contains("Active foreign resellers 0", text);
        Assert.Contains("DRAFT, not signed", text);
    }
}
