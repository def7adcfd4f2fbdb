using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.SpecialMeasures;

/// <summary>How an entry stands today: its approval, then its dates.</summary>
public enum MeasureStanding { AwaitingApproval, Pending, InEffect, Expired, Withdrawn }

public sealed record MeasureListItem(Guid Id, string Reference, MeasureTarget Target, MeasureAction Action, string Subject, DateOnly DeterminationDate,
    DateOnly EffectiveDate, DateOnly ExpiryDate, MeasureStanding Standing, int CustomersTouched, int AccountsTouched);

/// <summary>A customer a measure touches, why, and its open accounts (all of them are touched: a measure applies to the customer).</summary>
public sealed record ImpactedCustomer(Guid CustomerId, string Name, CustomerStatus Status, string? Country, IReadOnlyList<ImpactReason> Reasons,
    IReadOnlyList<string> Accounts);

public sealed record MeasureDetail(Guid Id, string Reference, SpecialMeasureTerms Terms, MeasureStatus Status, MeasureStanding Standing,
    string RecordedBy, DateTime RecordedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc, string? WithdrawnBy, DateTime? WithdrawnAtUtc,
    string? WithdrawalReason, IReadOnlyList<ImpactedCustomer> Impact, Guid Version);

/// <summary>What the entry form needs: today, and the rule pack's lead time and duration.</summary>
public sealed record MeasureFormDefaults(DateOnly Today, int LeadDays, int DurationDays);

/// <summary>
/// The special-measures register (proposed § 7.305–7.307): records entries under the rule pack's date rules, approves them under the
/// four-eyes rule, withdraws them with a reason, and works out which customers and accounts each one touches. The customer service asks
/// it which approved measures are in effect for a customer (<see cref="EffectsAsync"/>).
/// </summary>
public sealed class SpecialMeasureService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<MeasureFormDefaults> DefaultsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        return new MeasureFormDefaults(time.Today, pack.SpecialMeasureLeadDays, pack.SpecialMeasureDurationDays);
    }

    /// <summary>The register, newest first, with each entry's impact; <paramref name="standing"/> filters.</summary>
    public async Task<IReadOnlyList<MeasureListItem>> ListAsync(MeasureStanding? standing = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var measures = (await db.SpecialMeasures.AsNoTracking().ToListAsync(ct))
            .Where(m => standing is null || StandingOf(m, today) == standing).OrderByDescending(m => m.Number).ToList();
        if (measures.Count == 0) return [];
        var subjects = await SubjectsAsync(db, today, ct);
        return [.. measures.Select(m =>
        {
            var impact = Impact(m, subjects);
            return new MeasureListItem(m.Id, m.Reference, m.Target, m.Action, m.Terms.Subject, m.DeterminationDate, m.EffectiveDate, m.ExpiryDate,
                StandingOf(m, today), impact.Count, impact.Sum(i => i.Accounts.Count));
        })];
    }

    public async Task<MeasureDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.SpecialMeasures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var impact = Impact(m, await SubjectsAsync(db, time.Today, ct));
        return new MeasureDetail(m.Id, m.Reference, m.Terms, m.Status, StandingOf(m, time.Today), m.RecordedBy, m.RecordedAtUtc, m.ApprovedBy, m.ApprovedAtUtc,
            m.WithdrawnBy, m.WithdrawnAtUtc, m.WithdrawalReason, impact, m.Version);
    }

    /// <summary>Records an entry awaiting approval; nothing is stored when a field is wrong (findings at the field).</summary>
    public async Task<Outcome> RecordAsync(SpecialMeasureInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var (terms, findings) = SpecialMeasureRules.Parse(input, pack, time.Today);
        if (terms is null) return Outcome.Invalid(findings);
        var number = (await db.SpecialMeasures.MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var measure = new SpecialMeasure(Guid.NewGuid(), number, terms, await actor.NameAsync(), time.UtcNow);
        db.SpecialMeasures.Add(measure);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.ConflictWith("Another entry took the same register number at the same moment. Save again; your input is kept.");
        }
        return Outcome.Success(measure.Version, measure.Id);
    }

    /// <summary>Approval by an Approver other than the person who recorded the entry; from then on it counts.</summary>
    public async Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        var outcome = await MutateAsync(id, version, (m, by) =>
        {
            m.Approve(by, time.UtcNow);
            return [];
        }, ct);
        if (outcome.Ok) await RefreshRiskAsync(id, ct);
        return outcome;
    }

    /// <summary>Withdraws an entry with a reason; a correction is then recorded as a new entry.</summary>
    public async Task<Outcome> WithdrawAsync(Guid id, Guid version, string? reason, CancellationToken ct = default)
    {
        var outcome = await MutateAsync(id, version, (m, by) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Say why the entry is withdrawn.");
            if (text is not null) m.Withdraw(by, text, time.UtcNow);
            return f;
        }, ct);
        if (outcome.Ok) await RefreshRiskAsync(id, ct);
        return outcome;
    }

    /// <summary>
    /// For the hourly job: the approved measures that took effect or expired within the last week (a week, so that days the
    /// portal was down are caught up) get the stored risk of the customers they touch brought up to date, as approving or
    /// withdrawing does. Recomputing a risk that has not changed writes nothing. Returns the measures looked at.
    /// </summary>
    public async Task<int> RefreshRiskOfMeasuresChangingStandingAsync(CancellationToken ct = default)
    {
        var today = time.Today;
        var since = today.AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.SpecialMeasures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Approved
                && ((m.EffectiveDate > since && m.EffectiveDate <= today) || (m.ExpiryDate > since && m.ExpiryDate <= today)))
            .OrderBy(m => m.Number).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in ids) await RefreshRiskAsync(id, ct);
        return ids.Count;
    }

    /// <summary>
    /// Stores the risk of every customer the entry touches as it stands today, so that lists and queues show it (the customer page,
    /// verification and the provisioning gate evaluate measures live in any case).
    /// </summary>
    private async Task RefreshRiskAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await db.SpecialMeasures.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var touched = Impact(measure, await SubjectsAsync(db, time.Today, ct)).Select(i => i.CustomerId).ToList();
        if (touched.Count == 0) return;
        foreach (var c in await CustomerService.Load(db).Where(c => touched.Contains(c.Id)).ToListAsync(ct))
            c.ApplyRisk(RiskPolicy.Evaluate(await CustomerService.RiskInputAsync(db, c, time.Today, ct)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A customer saved at the same moment had its risk recomputed by that save.
        }
    }

    /// <summary>The approved measures in effect on <paramref name="today"/> that touch <paramref name="customer"/> (as it stands in memory), with why.</summary>
    public static async Task<IReadOnlyList<MeasureEffect>> EffectsAsync(PortalDbContext db, Customer customer, DateOnly today, CancellationToken ct)
    {
        var measures = await db.SpecialMeasures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Approved && m.EffectiveDate <= today && m.ExpiryDate > today)
            .OrderBy(m => m.Number).ToListAsync(ct);
        if (measures.Count == 0) return [];
        var owners = await OwnersAsync(db, today, customer.Id, ct);
        var subject = SubjectOf(customer, owners.GetValueOrDefault(customer.Id) ?? []);
        return [.. measures
            .Select(m => (Measure: m, Reasons: SpecialMeasureImpact.Reasons(m.Terms, subject)))
            .Where(x => x.Reasons.Count > 0)
            .Select(x => new MeasureEffect(x.Measure.Reference, x.Measure.Action, x.Measure.Terms.Subject, x.Measure.ConditionText, x.Reasons))];
    }

    public static MeasureStanding StandingOf(SpecialMeasure m, DateOnly today) => m.Status switch
    {
        MeasureStatus.Withdrawn => MeasureStanding.Withdrawn,
        MeasureStatus.Proposed => MeasureStanding.AwaitingApproval,
        _ => SpecialMeasureRules.StateOn(m.EffectiveDate, m.ExpiryDate, today) switch
        {
            MeasureState.Pending => MeasureStanding.Pending,
            MeasureState.InEffect => MeasureStanding.InEffect,
            _ => MeasureStanding.Expired,
        },
    };

    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<SpecialMeasure, string, List<Finding>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await db.SpecialMeasures.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null) return Outcome.Invalid("notFound", "The entry no longer exists.", "");
        if (measure.Version != version)
            return Outcome.ConflictWith("Someone else changed this entry since you opened it. Reload to see their change.");
        if (await Outcome.ApplyAsync(async () => change(measure, await actor.NameAsync())) is { } refused) return refused;
        if (await Outcome.SaveAsync(db, "Someone else changed this entry at the same moment. Reload to see their change.", ct) is { } conflict) return conflict;
        return Outcome.Success(measure.Version, measure.Id);
    }

    private static List<ImpactedCustomer> Impact(SpecialMeasure m, IReadOnlyList<(Customer Customer, ImpactSubject Subject)> subjects)
    {
        var terms = m.Terms;
        return [.. subjects
            .Select(s => (s.Customer, Reasons: SpecialMeasureImpact.Reasons(terms, s.Subject)))
            .Where(x => x.Reasons.Count > 0)
            .OrderBy(x => x.Customer.LegalName, StringComparer.OrdinalIgnoreCase)
            .Select(x => new ImpactedCustomer(x.Customer.Id, x.Customer.LegalName, x.Customer.Status, x.Customer.Country, x.Reasons,
                [.. x.Customer.Accounts.Where(a => a.ClosedAtUtc is null).Select(a => a.Reference).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Every customer that is not closed, with the facts a measure can touch.</summary>
    private static async Task<List<(Customer Customer, ImpactSubject Subject)>> SubjectsAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var customers = await db.Customers.AsNoTracking().Include(c => c.Accounts).Where(c => c.Status != CustomerStatus.Closed).ToListAsync(ct);
        var owners = await OwnersAsync(db, today, null, ct);
        return [.. customers.Select(c => (c, SubjectOf(c, owners.GetValueOrDefault(c.Id) ?? [])))];
    }

    private static ImpactSubject SubjectOf(Customer c, IReadOnlyList<ImpactOwner> owners) => new(
        c.LegalName, c.Kind, c.OtherNames, c.CitizenshipOrJurisdiction, c.Country, IntakeRules.PhoneCountry(c.Phone),
        [.. c.Accounts.Where(a => a.ClosedAtUtc is null).Select(a => new ImpactAccount(a.Reference, a.IssuerCountry))], owners);

    /// <summary>The beneficial owners of each stored ownership structure (of one customer, or of all), under the rule pack in effect.</summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<ImpactOwner>>> OwnersAsync(PortalDbContext db, DateOnly today, Guid? customerId, CancellationToken ct)
    {
        var query = db.OwnershipStructures.AsNoTracking();
        if (customerId is { } id) query = query.Where(o => o.CustomerId == id);
        var stored = await query.ToListAsync(ct);
        if (stored.Count == 0) return [];
        var pack = await RulePackService.ActiveAsync(db, today, ct);
        return stored.ToDictionary(s => s.CustomerId, s => (IReadOnlyList<ImpactOwner>)
            [.. OwnershipPolicy.Evaluate(OwnershipJson.Read(s), pack).BeneficialOwners.Select(o => new ImpactOwner(o.Name, o.Country))]);
    }
}
