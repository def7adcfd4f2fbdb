using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Exports;

/// <summary>One CSV export an auditor can take: its route name, title and what a row is.</summary>
public sealed record CsvExportKind(string Name, string Title, string Row);

/// <summary>
/// The CSV exports (issue 8, item 3): customers, accounts, IP records, beneficial owners, screening hits, resellers and AI
/// cases, each read from the database row by row and written to the response as it goes (never built as one string).
/// Payment identifiers leave only masked; no identity-document number is exported.
/// </summary>
public sealed class CsvExports(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public static readonly IReadOnlyList<CsvExportKind> Kinds =
    [
        new("customers", "Customers", "customer"),
        new("accounts", "Accounts", "account, its payment means masked"),
        new("ip-records", "IP records", "access or administrative action on an account, with its IP address and time"),
        new("beneficial-owners", "Beneficial owners", "beneficial owner of an entity customer under the active rule pack"),
        new("screening-hits", "Screening hits", "hit, with its decisions"),
        new("resellers", "Foreign resellers", "foreign reseller"),
        new("ai-cases", "AI-training cases", "large-AI-training case"),
    ];

    public static CsvExportKind? Find(string name) => Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the export <paramref name="name"/> to <paramref name="output"/>; returns the number of rows, or null for an unknown name.</summary>
    public async Task<int?> WriteAsync(string name, Stream output, CancellationToken ct = default)
    {
        if (Find(name) is not { } kind) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return kind.Name switch
        {
            "customers" => await CustomersAsync(db, output, ct),
            "accounts" => await AccountsAsync(db, output, ct),
            "ip-records" => await IpRecordsAsync(db, output, ct),
            "beneficial-owners" => await OwnersAsync(db, output, ct),
            "screening-hits" => await HitsAsync(db, output, ct),
            "resellers" => await ResellersAsync(db, output, ct),
            _ => await AiCasesAsync(db, output, ct),
        };
    }

    private static async Task<int> CustomersAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
        [
            "id", "kind", "name", "otherNames", "dateOfBirthOrIncorporation", "citizenshipOrJurisdiction", "addressLine1", "addressLine2", "city",
            "region", "postalCode", "country", "email", "phone", "usPerson", "determinationBasis", "status", "riskLevel", "riskScore", "riskOverride",
            "submittedBy", "submittedAt", "decidedBy", "decidedAt", "decisionRulePackVersion", "closedAt", "createdBy", "createdAt", "updatedAt",
        ]);
        await foreach (var c in db.Customers.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.Id(c.Id).Enum(c.Kind).Text(c.LegalName).Text(c.OtherNames).Day(c.DateOfBirthOrIncorporation).Code(c.CitizenshipOrJurisdiction)
                .Text(c.AddressLine1).Text(c.AddressLine2).Text(c.City).Text(c.Region).Text(c.PostalCode).Code(c.Country).Text(c.Email).Phone(c.Phone)
                .Flag(c.UsPerson).Text(c.DeterminationBasis).Enum(c.Status).Enum(c.ComputedRisk).Number(c.RiskScore).Enum(c.RiskOverride)
                .Text(c.SubmittedBy).Time(c.SubmittedAtUtc).Text(c.DecidedBy).Time(c.DecidedAtUtc).Text(c.DecisionRulePackVersion).Time(c.ClosedAtUtc)
                .Text(c.CreatedBy).Time(c.CreatedAtUtc).Time(c.UpdatedAtUtc);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }

    private static async Task<int> AccountsAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
        [
            "id", "customerId", "customerName", "reference", "paymentMeans", "prepaid", "issuerCountry", "paymentIdentifierMasked", "paymentSource",
            "paymentSourceName", "products", "openedAt", "closedAt",
        ]);
        var rows = db.Accounts.Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a, c.LegalName })
            .OrderBy(x => x.a.CustomerId).ThenBy(x => x.a.Reference);
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var a = x.a;
            csv.Id(a.Id).Id(a.CustomerId).Text(x.LegalName).Text(a.Reference).Enum(a.PaymentMeans).Flag(a.Prepaid).Code(a.IssuerCountry)
                .Code(a.PaymentIdentifierMasked).Enum(a.PaymentSource).Text(a.PaymentSourceName).Text(string.Join(' ', a.ProductCodes))
                .Time(a.OpenedAtUtc).Time(a.ClosedAtUtc);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }

    private static async Task<int> IpRecordsAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output, ["customerId", "accountReference", "at", "ip", "kind"]);
        var references = await db.Accounts.ToDictionaryAsync(a => a.Id, a => (a.CustomerId, a.Reference), ct);
        // Through the (AccountId, AtUtc) index: each account's records in time order, without sorting the whole table.
        var rows = db.AccessEvents.OrderBy(e => e.AccountId).ThenBy(e => e.AtUtc).Select(e => new { e.AccountId, e.AtUtc, e.Ip, e.Kind });
        await foreach (var e in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var (customerId, reference) = references[e.AccountId];
            // The address was parsed and stored in canonical form: an IP address cannot be a formula.
            csv.Id(customerId).Text(reference).Time(e.AtUtc).Code(e.Ip).Enum(e.Kind);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }

    private async Task<int> OwnersAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
        [
            "customerId", "customerName", "ownerKey", "name", "country", "effectivePercent", "reasons", "usPerson", "determinationBasis",
            "verifiedBy", "verifiedAt", "rulePackVersion",
        ]);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var profiles = (await db.OwnerProfiles.ToListAsync(ct)).ToLookup(p => p.CustomerId);
        var rows = db.OwnershipStructures.Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, c.LegalName }).OrderBy(x => x.LegalName);
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var mine = profiles[x.o.CustomerId].ToDictionary(p => p.NodeKey, StringComparer.Ordinal);
            foreach (var owner in OwnershipPolicy.Evaluate(OwnershipJson.Read(x.o), pack, customerIsEntity: true).BeneficialOwners)
            {
                var p = mine.GetValueOrDefault(owner.Key);
                csv.Id(x.o.CustomerId).Text(x.LegalName).Text(owner.Key).Text(owner.Name).Code(owner.Country).Number(owner.EffectivePercent)
                    .Text(string.Join("; ", owner.Reasons)).Flag(p?.UsPerson).Text(p?.DeterminationBasis).Text(p?.VerifiedBy).Time(p?.VerifiedAtUtc)
                    .Text(pack.Version);
                await csv.EndRowAsync(ct);
            }
        }
        return csv.Rows;
    }

    private static async Task<int> HitsAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
        [
            "id", "customerId", "customerName", "subjectKind", "subjectName", "source", "entryId", "entryName", "matchedName", "score", "status",
            "openedAt", "proposed", "proposedBy", "proposedAt", "proposalComment", "decidedBy", "decidedAt", "decisionComment",
        ]);
        var rows = db.ScreeningAlerts.Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a, c.LegalName }).OrderBy(x => x.a.OpenedAtUtc);
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var a = x.a;
            csv.Id(a.Id).Id(a.CustomerId).Text(x.LegalName).Enum(a.SubjectKind).Text(a.SubjectName).Code(a.Source).Text(a.EntryId).Text(a.EntryName)
                .Text(a.MatchedName).Number(a.Score, "0.000").Enum(a.Status).Time(a.OpenedAtUtc).Enum(a.Proposed).Text(a.ProposedBy)
                .Time(a.ProposedAtUtc).Text(a.ProposalComment).Text(a.DecidedBy).Time(a.DecidedAtUtc).Text(a.DecisionComment);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }

    private static async Task<int> ResellersAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
            ["id", "customerId", "name", "country", "status", "cipArrangement", "relationshipStart", "agreementDate", "agreementReference", "endDate"]);
        var rows = db.Resellers.Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r, c.LegalName, c.Country }).OrderBy(x => x.LegalName);
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var r = x.r;
            csv.Id(r.Id).Id(r.CustomerId).Text(x.LegalName).Code(x.Country).Enum(r.Status).Enum(r.Arrangement).Day(r.RelationshipStart)
                .Day(r.AgreementDate).Text(r.AgreementReference).Day(r.EndDate);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }

    private static async Task<int> AiCasesAsync(PortalDbContext db, Stream output, CancellationToken ct)
    {
        await using var csv = new CsvExportWriter(output,
        [
            "id", "customerId", "customerName", "accounts", "trigger", "knowledgeAt", "dueDate", "state", "rulePackVersion", "openedBy", "approvedBy",
            "approvedAt", "filedOn", "filingReference", "closeReason", "closedBy", "closedAt",
        ]);
        var rows = db.TrainingCases.Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new { t, c.LegalName }).OrderBy(x => x.t.OpenedAtUtc);
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var t = x.t;
            csv.Id(t.Id).Id(t.CustomerId).Text(x.LegalName).Text(t.AccountReferences).Enum(t.Trigger).Time(t.KnowledgeAtUtc).Day(t.DueDate)
                .Enum(t.State).Text(t.RulePackVersion).Text(t.OpenedBy).Text(t.ApprovedBy).Time(t.ApprovedAtUtc).Day(t.FiledOn).Text(t.FilingReference)
                .Text(t.CloseReason).Text(t.ClosedBy).Time(t.ClosedAtUtc);
            await csv.EndRowAsync(ct);
        }
        return csv.Rows;
    }
}
