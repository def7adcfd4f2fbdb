using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Features.Cip;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Certifications;

/// <summary>Drafting, four-eyes signing and freezing through the service; today is 2026-06-15 in New York.</summary>
public sealed class CertificationServiceTests : IAsyncDisposable
{
    private const string Approver = "approver@example.test";
    private static readonly DateOnly Today = new(2026, 6, 15);

    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private async Task PublishCipAsync(string contact = "Dana Whitfield")
    {
        var cip = db.Get<CipService>();
        var published = await cip.PublishAsync(new CipDraft("Documents and databases.", "Read-only", "Closed after 30 days", "Closed",
            "Notice v1", "Abuse desk and flow logs", contact, "CIP Officer", "dana@provider.example", "+1 202 555 0100", (await cip.CurrentAsync())?.Number));
        Assert.True(published.Ok, published.Message);
    }

    private async Task<Outcome> SignedInitialAsync()
    {
        var drafted = await db.Get<CertificationService>().DraftAsync(CertificationKind.Initial, Today, null);
        Assert.True(drafted.Ok, drafted.Message);
        var signed = await db.As<CertificationService>(Approver).SignAsync(drafted.Id!.Value, drafted.Version!.Value, "Avery Quinn", "Chief Compliance Officer");
        Assert.True(signed.Ok, signed.Message);
        return signed;
    }

    [Fact]
    public async Task A_signed_certification_keeps_its_figures_as_signed_while_the_data_changes_and_cannot_be_recomputed()
    {
        await PublishCipAsync();
        var first = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var signed = await SignedInitialAsync();
        var before = (await db.Get<CertificationService>().GetAsync(signed.Id!.Value))!;
        Assert.Equal(1, before.Figures.Customers);
        Assert.Equal(1, before.Figures.ForeignAccountsNotVerified);

        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), "Sakura Compute K.K.", "ACC-SAKURA-1");
        var closed = await db.Get<CustomerService>().CloseAsync(first, (await db.Get<CustomerQueries>().GetAsync(first))!.Version, "Left");
        Assert.True(closed.Ok, closed.Message);
        await PublishCipAsync("Morgan Lee");
        var recompute = await db.Get<CertificationService>().RecomputeAsync(signed.Id.Value, signed.Version!.Value);
        var after = (await db.Get<CertificationService>().GetAsync(signed.Id.Value))!;

        Assert.True(recompute.Refused);
        Assert.Equal(CertificationState.Signed, after.State);
        Assert.Equal(CertificationService.Serialize(before.Figures), CertificationService.Serialize(after.Figures));
        Assert.Equal("Dana Whitfield", after.Figures.Cip!.ContactName);
        Assert.Equal(("Avery Quinn", "Chief Compliance Officer", Approver), (after.SignerName, after.SignerTitle, after.SignedBy));
        var fresh = await db.Get<CertificationFiguresQuery>().ComputeAsync(Today, null);
        Assert.Equal(1, fresh.Customers);
    }

    [Fact]
    public async Task The_preparer_cannot_sign_even_holding_the_Approver_role_and_another_Approver_can()
    {
        var drafted = await db.As<CertificationService>("lead@example.test").DraftAsync(CertificationKind.Initial, Today, null);

        var own = await db.As<CertificationService>("LEAD@example.test").SignAsync(drafted.Id!.Value, drafted.Version!.Value, "Lee Lead", "Head of Compliance");
        var other = await db.As<CertificationService>(Approver).SignAsync(drafted.Id.Value, drafted.Version.Value, "Avery Quinn", "CCO");

        Assert.True(own.Refused);
        Assert.Equal("fourEyes", own.Findings.Single().Code);
        Assert.True(other.Ok, other.Message);
    }

    [Fact]
    public async Task An_annual_certification_needs_a_signed_initial_one_and_every_statement_checked_before_signing()
    {
        var refused = await db.Get<CertificationService>().DraftAsync(CertificationKind.Annual, Today, null);
        Assert.Equal("kind", refused.Findings.Single().Field);
        await SignedInitialAsync();

        var annual = await db.Get<CertificationService>().DraftAsync(CertificationKind.Annual, Today, null);
        var partly = await db.Get<CertificationService>().SetStatementAsync(annual.Id!.Value, annual.Version!.Value, AnnualStatement.CipReviewed, true, "Committee minutes");
        var unsigned = await db.As<CertificationService>(Approver).SignAsync(annual.Id.Value, partly.Version!.Value, "Avery Quinn", "CCO");

        Assert.Equal(["statements.updatedForServices", "statements.updatedForThreats", "statements.compliant"], unsigned.Findings.Select(f => f.Field));
        var detail = (await db.Get<CertificationService>().GetAsync(annual.Id.Value))!;
        Assert.Equal(CertificationState.Draft, detail.State);
        Assert.Equal("Committee minutes", detail.Statements.Single(s => s.Statement == AnnualStatement.CipReviewed).Comment);
    }

    [Fact]
    public async Task Drafts_refuse_a_future_day_and_an_off_cycle_update_without_its_reason()
    {
        var future = await db.Get<CertificationService>().DraftAsync(CertificationKind.Initial, Today.AddDays(1), null);
        await SignedInitialAsync();
        var noReason = await db.Get<CertificationService>().DraftAsync(CertificationKind.OffCycle, Today, " ");

        Assert.Equal("asOf", future.Findings.Single().Field);
        Assert.Equal("offCycleReason", noReason.Findings.Single().Field);
    }

    [Fact]
    public async Task A_changed_CIP_contact_since_the_last_signed_certification_calls_for_an_off_cycle_update()
    {
        await PublishCipAsync();
        await SignedInitialAsync();
        Assert.Null(await db.Get<CertificationService>().ContactChangeAsync());

        await PublishCipAsync("Morgan Lee");

        Assert.Equal("The CIP contact changed from Dana Whitfield to Morgan Lee (CIP v2) since the last signed certification.",
            await db.Get<CertificationService>().ContactChangeAsync());
        var offCycle = await db.Get<CertificationService>().DraftAsync(CertificationKind.OffCycle, Today, "CIP contact changed to Morgan Lee");
        Assert.True(offCycle.Ok, offCycle.Message);
    }

    [Fact]
    public async Task The_PDF_states_the_figures_the_statements_and_the_signature()
    {
        await PublishCipAsync();
        await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        await SignedInitialAsync();
        var annual = await db.Get<CertificationService>().DraftAsync(CertificationKind.Annual, Today, null);
        var version = annual.Version!.Value;
        foreach (var s in Enum.GetValues<AnnualStatement>())
            version = (await db.Get<CertificationService>().SetStatementAsync(annual.Id!.Value, version, s, true, $"Done: {s}")).Version!.Value;
        var signed = await db.As<CertificationService>(Approver).SignAsync(annual.Id!.Value, version, "Avery Quinn", "Chief Compliance Officer");
        Assert.True(signed.Ok, signed.Message);

        var pdf = await db.Get<CertificationDocument>().RenderAsync(annual.Id.Value, "auditor@example.test");

        var text = string.Join(" ", ServiceTestDb.PageTexts(pdf!.Value.Pdf));
        Assert.Contains("CIP annual certification", text);
        Assert.Contains("Figures as of 2026-06-15 · Signed", text);
        Assert.Contains("IaaS customers 1", text);
        Assert.Contains("Foreign-customer accounts not verified 1", text);
        Assert.Contains("DE 1 1 0", text);
        Assert.Contains("Done: UpdatedForThreats", text);
        Assert.Equal(4, text.Split(" Yes Done: ").Length - 1);
        Assert.Contains("Dana Whitfield, CIP Officer", text);
        Assert.Contains("Avery Quinn, Chief Compliance Officer", text);
        Assert.Equal("certification-annual-2026-06-15.pdf", pdf.Value.FileName);
    }
}
