using System.Globalization;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Intake;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Features.Screening;

namespace IaasKyc.Portal.Reports;

/// <summary>A rendered dossier: the PDF, its file name and what its export's audit entry records.</summary>
public sealed record CustomerDossier(byte[] Pdf, string FileName, string CustomerName, int AuditEntries, bool ChainOk);

/// <summary>
/// The customer CIP dossier (issue 8, item 2): what an auditor asks for about one customer (proposed § 7.302 records):
/// identity and determination with its basis, accounts with payment means (masked) and source, the IP access summary with the
/// latest records, evidence, discrepancies, risk factors and overrides, beneficial owners with the ownership chart and reasons,
/// screening results with the list snapshots used, decisions with who and when, the rule-pack versions, and the customer's
/// audit-trail entries with the chain verification result. Every figure is read from the stored records when it is rendered.
/// </summary>
public sealed class CustomerDossierDocument(CustomerQueries customers, AccessEventService access, OwnershipService ownership,
    ScreeningQueries screening, AuditService audit, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    public const int LatestAccessRecords = 50;
    public const int MaxAuditEntries = 2000;

    private static readonly ReportColumn[] AccountColumns =
    [
        new("Account", 0.14), new("Payment means", 0.26), new("Source of payment", 0.18), new("Products", 0.14),
        new("Opened / closed", 0.16), new("Access records", 0.12),
    ];
    private static readonly ReportColumn[] AccessColumns = [new("Time", 0.26), new("Account", 0.2), new("IP address", 0.36, Monospace: true), new("Kind", 0.18)];
    private static readonly ReportColumn[] EvidenceColumns = [new("Kind", 0.13), new("What", 0.37), new("Result", 0.22), new("Recorded", 0.28)];
    private static readonly ReportColumn[] DiscrepancyColumns = [new("Discrepancy", 0.4), new("Raised", 0.25), new("Resolution", 0.35)];
    private static readonly ReportColumn[] FactorColumns = [new("Factor", 0.22), new("Description", 0.66), new("Points", 0.12)];
    private static readonly ReportColumn[] OwnerColumns =
    [
        new("Beneficial owner", 0.2), new("Effective", 0.1), new("Why a beneficial owner", 0.3), new("U.S./foreign and basis", 0.24), new("Verified", 0.16),
    ];
    private static readonly ReportColumn[] RunColumns = [new("Subject", 0.26), new("Screened", 0.28), new("Method and result", 0.22), new("Lists (snapshot)", 0.24)];
    private static readonly ReportColumn[] SnapshotColumns =
        [new("List (snapshot)", 0.2), new("Imported", 0.17), new("Entries / aliases", 0.11), new("SHA-256 of each file", 0.52, Monospace: true)];
    private static readonly ReportColumn[] DecisionColumns = [new("Status", 0.24), new("By", 0.22), new("When", 0.2), new("Note", 0.34)];

    /// <summary>The dossier, or null when the customer does not exist.</summary>
    public async Task<CustomerDossier?> RenderAsync(Guid customerId, string generatedBy, CancellationToken ct = default)
    {
        if (await customers.GetAsync(customerId, ct) is not { } c) return null;
        var now = time.UtcNow;
        var pack = await rulePacks.ActiveAsync(ct);
        var accessSummary = await access.CustomerAccessAsync(customerId, LatestAccessRecords, ct);
        var owners = c.Kind == CustomerKind.Entity ? await ownership.GetAsync(customerId, ct) : null;
        var runs = (await screening.CustomerAsync(customerId, ct)).LatestRuns;
        var hits = await screening.AlertRecordsAsync(customerId, ct);
        var trail = (await audit.ForSubjectAsync(customerId.ToString(), MaxAuditEntries, ct)).Reverse().ToList();
        var chain = await audit.VerifyAsync(ct: ct);

        using var report = new PdfReport(fonts, $"Customer CIP dossier: {c.Name}", new ReportFooter(now, generatedBy, pack.Version));
        report.Title("Customer CIP dossier", $"{c.Name} · customer {c.Id} · generated {time.Format(now)} by {generatedBy}");
        Identity(report, c);
        Accounts(report, c, accessSummary);
        Evidence(report, c);
        Risk(report, c);
        if (owners is not null) Owners(report, c, owners);
        Screening(report, runs, hits);
        Decisions(report, c, pack.Version);
        report.Heading("Audit trail");
        report.Paragraph(AuditExtractDocument.Describe(chain), emphasis: !chain.Ok);
        if (trail.Count == MaxAuditEntries)
            report.Paragraph($"This customer has more than {MaxAuditEntries:N0} audit entries; the latest {MaxAuditEntries:N0} are shown. The audit extract shows all of them.", emphasis: true);
        if (trail.Count == 0) report.Paragraph("No audit entry concerns this customer.");
        else report.Table(AuditExtractDocument.Columns, trail.Select(r => AuditExtractDocument.Row(r, time)));

        var stamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new CustomerDossier(report.ToPdf(), $"customer-dossier-{Short(c.Id)}-{stamp}.pdf", c.Name, trail.Count, chain.Ok);
    }

    private void Identity(PdfReport report, CustomerDetail c)
    {
        var individual = c.Kind == CustomerKind.Individual;
        report.Heading("Identity");
        report.KeyValues(
        [
            ("Name", c.Name),
            ("Other names", c.OtherNames ?? "none recorded"),
            ("Kind", individual ? "Individual" : "Entity"),
            (individual ? "Date of birth" : "Date of incorporation", Day(c.DateOfBirthOrIncorporation)),
            (individual ? "Citizenship" : "Jurisdiction of incorporation", CountryName(c.CitizenshipOrJurisdiction)),
            ("Address", Address(c)),
            ("Email", c.Email ?? "not given"),
            ("Telephone", c.Phone ?? "not given"),
            ("Notice of disclosure", c.NoticeGivenOn is { } on ? $"given {Day(on)} ({c.NoticeVersion})" : "not recorded"),
        ]);
        report.Heading("Determination");
        report.KeyValues(
        [
            ("U.S. or foreign person", c.UsPerson switch { true => "U.S. person", false => "Foreign person", null => "not determined" }),
            ("Basis", c.DeterminationBasis ?? "none recorded"),
            ("Status", StatusChip.Label(c.Status)),
            ("Provisioning", c.Provisioning.ToString().ToLowerInvariant()),
            ("Restrictions while pending", c.Restrictions ?? "none"),
            ("Re-verification due", Day(c.ReverifyDue)),
        ]);
    }

    private void Accounts(PdfReport report, CustomerDetail c, CustomerAccess summary)
    {
        report.Heading($"Accounts ({c.Accounts.Count})");
        if (c.Accounts.Count == 0) report.Paragraph("No account.");
        else report.Table(AccountColumns, c.Accounts.Select(a => (IReadOnlyList<string>)
        [
            a.Reference,
            $"{Labels.Means(a.PaymentMeans)}{(a.Prepaid ? " (prepaid)" : "")} {a.PaymentIdentifierMasked}\nissued in {CountryName(a.IssuerCountry)}",
            Labels.Source(a.PaymentSource, a.PaymentSourceName),
            a.Products.Count == 0 ? "none" : string.Join(", ", a.Products),
            $"opened {time.Format(a.OpenedAtUtc)}" + (a.ClosedAtUtc is { } closed ? $"\nclosed {time.Format(closed)}" : ""),
            Number(a.AccessEvents),
        ]));

        report.Heading("IP access summary");
        report.KeyValues(
        [
            ("Access records", Number(summary.Count)),
            ("First", summary.FirstUtc is { } first ? time.Format(first) : "none"),
            ("Last", summary.LastUtc is { } last ? time.Format(last) : "none"),
            ("Distinct addresses", Number(summary.DistinctAddresses)),
        ]);
        if (summary.Latest.Count > 0)
        {
            report.Paragraph(summary.Count > summary.Latest.Count
                ? $"The latest {summary.Latest.Count} of {Number(summary.Count)} records, newest first:"
                : "Every record, newest first:");
            report.Table(AccessColumns, summary.Latest.Select(r => (IReadOnlyList<string>)
                [time.Format(r.AtUtc), r.AccountReference, r.Ip, r.Kind == AccessKind.Administration ? "administration" : "access"]));
        }
    }

    private void Evidence(PdfReport report, CustomerDetail c)
    {
        report.Heading($"Evidence ({c.Evidence.Count})");
        if (c.Evidence.Count == 0) report.Paragraph("No evidence recorded.");
        else report.Table(EvidenceColumns, c.Evidence.Select(e => (IReadOnlyList<string>)
        [
            (e.Kind == EvidenceKind.Documentary ? "documentary" : "non-documentary") + (e.OwnerKey is { } key ? $"\nowner {key}" : ""),
            e.Description + (e.FileName is { } file ? $"\nfile {file}" : ""),
            e.Result ?? (e.Expires is { } expires ? $"expires {Day(expires)}" : "–"),
            $"{e.RecordedBy}\n{time.Format(e.RecordedAtUtc)}",
        ]));
        report.Heading($"Discrepancies ({c.Discrepancies.Count})");
        if (c.Discrepancies.Count == 0) report.Paragraph("No discrepancy raised.");
        else report.Table(DiscrepancyColumns, c.Discrepancies.Select(d => (IReadOnlyList<string>)
        [
            d.Description, $"{d.RaisedBy}\n{time.Format(d.RaisedAtUtc)}",
            d.Resolution is null ? "open" : $"{d.Resolution}\n{d.ResolvedBy}, {time.Format(d.ResolvedAtUtc!.Value)}",
        ]));
    }

    private void Risk(PdfReport report, CustomerDetail c)
    {
        report.Heading("Risk");
        report.KeyValues(
        [
            ("Computed", $"{c.ComputedRisk.Level.ToString().ToLowerInvariant()} (score {c.ComputedRisk.Score})"),
            ("In effect", c.Risk.ToString().ToLowerInvariant()),
            ("Override", c.RiskOverride is { } level
                ? $"{level.ToString().ToLowerInvariant()} by {c.RiskOverrideBy}{(c.RiskOverrideExpires is { } until ? $", until {Day(until)}" : "")}: {c.RiskOverrideReason}"
                : "none"),
        ]);
        if (c.ComputedRisk.Factors.Count == 0) report.Paragraph("No risk factor applies.");
        else report.Table(FactorColumns, c.ComputedRisk.Factors.Select(f => (IReadOnlyList<string>)[f.Code, f.Description, Number(f.Points)]));
    }

    private void Owners(PdfReport report, CustomerDetail c, OwnershipView view)
    {
        report.Heading("Beneficial owners");
        if (!view.Stored)
        {
            report.Paragraph("No ownership structure has been recorded.", emphasis: true);
            return;
        }
        var beneficial = view.Result.BeneficialOwners.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        report.Paragraph($"Ownership structure recorded by {view.UpdatedBy}, {time.Format(view.UpdatedAtUtc!.Value)}. Arrows point from owner to what it owns; dashed lines are control without shares; highlighted boxes are beneficial owners.");
        OwnershipChartPdf.Draw(report, view.Graph, beneficial, c.Name);
        if (view.Result.BeneficialOwners.Count == 0) report.Paragraph("No beneficial owner under the rule pack's thresholds.", emphasis: true);
        else report.Table(OwnerColumns, view.Result.BeneficialOwners.Select(o =>
        {
            var status = view.Owners.GetValueOrDefault(o.Key);
            return (IReadOnlyList<string>)
            [
                $"{o.Name}\n{CountryName(o.Country)}",
                OwnershipPolicy.Format(o.EffectivePercent) + " %",
                string.Join('\n', o.Reasons),
                status?.UsPerson switch { true => "U.S. person", false => "Foreign person", null => "not determined" } +
                    (status?.DeterminationBasis is { } basis ? $": {basis}" : ""),
                status?.VerifiedBy is { } by ? $"{by}\n{time.Format(status.VerifiedAtUtc!.Value)}" : "not verified",
            ];
        }));
        if (view.Statement is { } s)
            report.Paragraph($"All beneficial owners are U.S. persons: recorded by {s.By}, {time.Format(s.AtUtc)}. Basis: {s.Basis}");
        if (view.Result.Blocked.Blocked)
            report.Paragraph($"OFAC 50 % rule: {OwnershipPolicy.Format(view.Result.Blocked.Percent)} % owned by confirmed blocked persons ({string.Join(", ", view.Result.Blocked.Contributors.Select(b => b.Name))}).", emphasis: true);
        foreach (var f in view.VerificationBlockers) report.Paragraph(f.Message, emphasis: true);
    }

    private void Screening(PdfReport report, IReadOnlyList<RunView> runs, IReadOnlyList<ScreeningAlert> hits)
    {
        report.Heading("Screening");
        if (runs.Count == 0) report.Paragraph("Never screened.", emphasis: true);
        else report.Table(RunColumns, runs.Select(r => (IReadOnlyList<string>)
        [
            $"{r.SubjectName}\n{(r.SubjectKind == ScreeningSubjectKind.Customer ? "the customer" : "owner")}, {r.SubjectType}",
            $"{time.Format(r.ScreenedAtUtc)}\n{ScreeningService.Describe(r.Trigger)}, by {r.ScreenedBy}",
            $"{r.MatcherVersion}, threshold {r.Threshold.ToString("0.00", CultureInfo.InvariantCulture)}: {r.Hits} hit(s)",
            r.Snapshots.Count == 0 ? "no list snapshot was active" : string.Join('\n', r.Snapshots.Select(s => $"{ListTitle(s.Source)} {Short(s.Id)}")),
        ]));
        var snapshots = runs.SelectMany(r => r.Snapshots).DistinctBy(s => s.Id).OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.ImportedAtUtc).ToList();
        if (snapshots.Count > 0)
        {
            report.Paragraph("List snapshots used by these screenings:");
            report.Table(SnapshotColumns, snapshots.Select(s => (IReadOnlyList<string>)
            [
                $"{ListTitle(s.Source)} {Short(s.Id)}", time.Format(s.ImportedAtUtc), $"{Number(s.Entries)} / {Number(s.Aliases)}",
                string.Join('\n', s.Files.Select(f => $"{f.Name} {f.Sha256}")),
            ]));
        }
        report.Paragraph(hits.Count == 0 ? "No hit at or above the threshold." : $"Hits ({hits.Count}) with their decisions:");
        if (hits.Count > 0) report.Table(ScreeningCertificateDocument.HitColumns, hits.Select(h => ScreeningCertificateDocument.HitRow(h, time)));
    }

    private void Decisions(PdfReport report, CustomerDetail c, string activeVersion)
    {
        report.Heading("Decisions");
        report.KeyValues(
        [
            ("Created", $"{c.CreatedBy}, {time.Format(c.CreatedAtUtc)}"),
            ("Submitted", c.SubmittedBy is { } s ? $"{s}, {time.Format(c.SubmittedAtUtc!.Value)}" : "not submitted"),
            ("Decided", c.DecidedBy is { } d ? $"{d}, {time.Format(c.DecidedAtUtc!.Value)}{(c.DecisionNote is { } n ? $": {n}" : "")}" : "no decision yet"),
            ("Escalation", c.EscalationReason ?? "none"),
        ]);
        if (c.History.Count > 0)
        {
            report.Table(DecisionColumns, c.History.OrderBy(h => h.AtUtc).Select(h => (IReadOnlyList<string>)
                [$"{(h.From is { } from ? StatusChip.Label(from) + " → " : "")}{StatusChip.Label(h.To)}", h.By, time.Format(h.AtUtc), h.Note]));
        }
        report.Heading("Rule pack");
        report.KeyValues(
        [
            ("Decision made under", c.DecisionRulePackVersion ?? "no decision yet"),
            ("Active when generated", activeVersion),
        ]);
    }

    private static string Address(CustomerDetail c)
    {
        var parts = new[] { c.AddressLine1, c.AddressLine2, c.City, c.Region, c.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (c.Country is { } country) parts.Add(CountryName(country));
        return parts.Count == 0 ? "not given" : string.Join(", ", parts);
    }

    private static string ListTitle(string source) => ListSources.TryParse(source, out var list) ? list.Title() : source;

    private static string Short(Guid id) => id.ToString()[..8];

    private static string CountryName(string? code) => code is null ? "not given" : $"{Countries.NameOf(code)} ({code})";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not given";

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
