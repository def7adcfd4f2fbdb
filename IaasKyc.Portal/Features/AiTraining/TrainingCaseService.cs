using IaasKyc.Domain;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AiTraining;

/// <summary>A foreign customer a case can name, with its account references.</summary>
public sealed record CaseCustomer(Guid Id, string Name, IReadOnlyList<string> Accounts);

/// <summary>One case with every step taken so far.</summary>
public sealed record CaseDetail(CaseRow Row, string OpenedBy, DateTime OpenedAtUtc, string RulePackVersion, string? DraftBy, string? ApprovedBy,
    DateOnly? FiledOn, string? FilingReference, string? CloseReason, string? CloseProposedBy, string? ClosedBy);

public sealed record OpenCaseInput(Guid CustomerId, IReadOnlyList<string> AccountReferences, CaseTrigger Trigger, DateTime? KnowledgeAtUtc);

/// <summary>A case as lists show it, with its countdown (on time, due soon, overdue) while the clock runs.</summary>
public sealed record CaseRow(Guid Id, Guid CustomerId, string CustomerName, string Accounts, CaseTrigger Trigger, CaseState State,
    DateTime KnowledgeAtUtc, DateOnly DueDate, DeadlineState? Countdown, string? CountdownText, Guid Version);

/// <summary>AI-training report cases (issue 7 item 1; proposed § 7.308): opening with the 15-day clock and the four-eyes steps.</summary>
public sealed class TrainingCaseService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<Outcome> OpenAsync(OpenCaseInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        // Issue 7 item 4: with the module off no new case opens; existing ones stay readable.
        if (!rules.AiModuleEnabled) return Outcome.RefusedBecause("module.off", "The AI-training module is switched off in the rule pack: no new case opens.");

        var f = new List<Finding>();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CustomerId, ct);
        if (customer is null) f.Add(new("customer.unknown", "Choose a customer of the portal.", "customerId"));
        else if (customer.UsPerson == true) f.Add(new("customer.usPerson", "Reports concern foreign persons; this customer is determined a U.S. person.", "customerId"));
        var references = input.AccountReferences.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (references.Count == 0) f.Add(new("accounts.required", "Name at least one of the customer's accounts.", "accounts"));
        else if (customer is not null)
        {
            var known = await db.Accounts.AsNoTracking().Where(a => a.CustomerId == customer.Id).Select(a => a.Reference).ToListAsync(ct);
            foreach (var missing in references.Where(r => !known.Contains(r)))
                f.Add(new("accounts.unknown", $"{missing} is not an account of this customer.", "accounts"));
        }
        if (input.KnowledgeAtUtc is not { } knowledge) f.Add(new("knowledge.required", "Give the date the provider learned of the transaction.", "knowledgeAt"));
        else if (knowledge > time.UtcNow) f.Add(new("knowledge.future", "The date of knowledge cannot be in the future.", "knowledgeAt"));
        if (f.Count > 0) return Outcome.Invalid(f);

        var c = new TrainingCase(Guid.NewGuid(), customer!.Id, string.Join(", ", references), input.Trigger,
            DateTime.SpecifyKind(input.KnowledgeAtUtc!.Value, DateTimeKind.Utc), rules, time.Zone, await actor.NameAsync(), time.UtcNow);
        db.TrainingCases.Add(c);
        await RulePackService.RecordUseAsync(db, rules.Version, time.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(c.Version, c.Id);
    }

    public async Task<IReadOnlyList<CaseRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        var rows = await db.TrainingCases.AsNoTracking()
            .Join(db.Customers, c => c.CustomerId, p => p.Id, (c, p) => new { Case = c, p.LegalName })
            .ToListAsync(ct);
        return [.. rows.Select(r => Row(r.Case, r.LegalName, rules)).OrderBy(r => r.DueDate).ThenBy(r => r.CustomerName, StringComparer.Ordinal)];
    }

    /// <summary>The UTC instant a local calendar day of the provider begins: a date of knowledge given as a day.</summary>
    public DateTime StartOfLocalDay(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), time.Zone);

    public async Task<CaseDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.TrainingCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var name = await db.Customers.Where(p => p.Id == c.CustomerId).Select(p => p.LegalName).FirstAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        return new(Row(c, name, rules), c.OpenedBy, c.OpenedAtUtc, c.RulePackVersion, c.DraftBy, c.ApprovedBy, c.FiledOn, c.FilingReference,
            c.CloseReason, c.CloseProposedBy, c.ClosedBy);
    }

    /// <summary>Customers not determined U.S. persons, with their accounts: those a case may name.</summary>
    public async Task<IReadOnlyList<CaseCustomer>> ForeignCustomersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.UsPerson != true).Select(c => new { c.Id, c.LegalName }).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Select(a => new { a.CustomerId, a.Reference }).ToListAsync(ct);
        return [.. customers.OrderBy(c => c.LegalName, StringComparer.Ordinal)
            .Select(c => new CaseCustomer(c.Id, c.LegalName, [.. accounts.Where(a => a.CustomerId == c.Id).Select(a => a.Reference).Order(StringComparer.Ordinal)]))];
    }

    public Task<Outcome> MarkDraftReadyAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (c, by) => c.MarkDraftReady(by, time.UtcNow), ct);

    public Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (c, by) => c.Approve(by, time.UtcNow), ct);

    public async Task<Outcome> FileAsync(Guid id, Guid version, DateOnly? filedOn, string? reference, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(reference, "reference", 100, f, required: true, "Give the Department's reference for the filing.");
        if (filedOn is null) f.Add(new("filedOn.required", "Give the date the report was filed.", "filedOn"));
        else if (filedOn > time.Today) f.Add(new("filedOn.future", "The filing date cannot be in the future.", "filedOn"));
        if (f.Count > 0) return Outcome.Invalid(f);
        return await ChangeAsync(id, version, (c, by) => c.File(filedOn!.Value, text!, by, time.Today), ct);
    }

    public async Task<Outcome> ProposeCloseAsync(Guid id, Guid version, string? reason, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(reason, "reason", 2000, f, required: true, "Say why the case is not reportable.");
        if (f.Count > 0) return Outcome.Invalid(f);
        return await ChangeAsync(id, version, (c, by) => c.ProposeClose(text!, by), ct);
    }

    public Task<Outcome> AgreeCloseAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (c, by) => c.AgreeClose(by, time.UtcNow), ct);

    private async Task<Outcome> ChangeAsync(Guid id, Guid version, Action<TrainingCase, string> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.TrainingCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome.Invalid("notFound", "The case no longer exists.", "");
        if (c.Version != version) return Outcome.ConflictWith("Someone else changed this case: reload it.");
        try
        {
            change(c, await actor.NameAsync());
            await db.SaveChangesAsync(ct);
        }
        catch (FourEyesViolation e)
        {
            return Outcome.RefusedBecause("fourEyes", e.Message);
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("state", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this case: reload it.");
        }
        return Outcome.Success(c.Version, c.Id);
    }

    private CaseRow Row(TrainingCase c, string customerName, RulePack rules)
    {
        var deadline = c.Deadline(time.Zone);
        return new(c.Id, c.CustomerId, customerName, c.AccountReferences, c.Trigger, c.State, c.KnowledgeAtUtc, c.DueDate,
            c.ClockRunning ? deadline.State(time.UtcNow, rules.DueSoonDays) : null,
            c.ClockRunning ? deadline.Describe(time.UtcNow) : null, c.Version);
    }
}
