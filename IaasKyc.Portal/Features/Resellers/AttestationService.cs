using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Resellers;

public sealed record TemplateInput(string? Introduction, IReadOnlyDictionary<string, string?> Clauses);

public sealed record TemplateView(Guid Id, int Number, string Introduction, IReadOnlyDictionary<string, string> Clauses, string DraftedBy, DateTime DraftedAtUtc,
    string? ApprovedBy, DateTime? ApprovedAtUtc, DateTime? FirstSentAtUtc, string Preview, Guid Version)
{
    public string Label => $"v{Number}";
    public string State => FirstSentAtUtc is not null ? "Sent" : ApprovedAtUtc is not null ? "Approved" : "Draft";
}

/// <summary>
/// Flow-down attestations (regulation.md §2, proposed § 7.301): the versioned template an Approver approves before it is sent
/// (never the author; a version once sent is frozen).
/// </summary>
public sealed class AttestationService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    /// <summary>Every version, newest first, each previewed with the active rule pack's numbers.</summary>
    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var rows = await db.AttestationTemplates.AsNoTracking().OrderByDescending(t => t.Number).ToListAsync(ct);
        return [.. rows.Select(t => new TemplateView(t.Id, t.Number, t.Introduction, t.ClauseTexts, t.DraftedBy, t.DraftedAtUtc, t.ApprovedBy, t.ApprovedAtUtc,
            t.FirstSentAtUtc, t.Render(pack), t.Version))];
    }

    /// <summary>A new version, numbered after the last; it waits for an Approver.</summary>
    public async Task<Outcome> DraftAsync(TemplateInput input, CancellationToken ct = default)
    {
        var f = AttestationTemplate.Validate(input.Introduction, input.Clauses);
        if (f.Count > 0) return Outcome.Invalid(f);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = (await db.AttestationTemplates.MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        var template = new AttestationTemplate(Guid.NewGuid(), number, input.Introduction!.Trim(), Trimmed(input), await actor.NameAsync(), time.UtcNow);
        db.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.ConflictWith("Another version was drafted at the same moment: reload and draft again.");
        }
        return Outcome.Success(template.Version, template.Id);
    }

    public Task<Outcome> EditAsync(Guid id, Guid version, TemplateInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, async (t, by) =>
        {
            var f = AttestationTemplate.Validate(input.Introduction, input.Clauses);
            if (f.Count == 0) t.Edit(input.Introduction!.Trim(), Trimmed(input), by, time.UtcNow);
            return await Task.FromResult(f);
        }, ct);

    /// <summary>Four-eyes: an Approver who did not write the text.</summary>
    public Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MutateAsync(id, version, (t, by) =>
        {
            t.Approve(by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    private static Dictionary<string, string> Trimmed(TemplateInput input) =>
        AttestationTemplate.Clauses.ToDictionary(c => c.Key, c => input.Clauses.GetValueOrDefault(c.Key)?.Trim() ?? "");

    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<AttestationTemplate, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.AttestationTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return Outcome.Invalid("notFound", "The template version no longer exists.", "");
        if (template.Version != version)
            return Outcome.ConflictWith("Someone else changed this template version since you opened it. Reload to see their change.");
        List<Finding> findings;
        try
        {
            findings = await change(template, await actor.NameAsync());
        }
        catch (FourEyesViolation e)
        {
            return Outcome.RefusedBecause("fourEyes", e.Message);
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("state", e.Message);
        }
        if (findings.Count > 0) return Outcome.Invalid(findings);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this template version at the same moment. Reload to see their change.");
        }
        return Outcome.Success(template.Version, template.Id);
    }
}
