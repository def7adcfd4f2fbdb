using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features;

/// <summary>
/// What a command did: nothing (findings at their fields), nothing because someone else saved first (conflict),
/// nothing because the state or the four-eyes rule forbids it (refused), or it succeeded (with the record's new version).
/// </summary>
public sealed record Outcome(IReadOnlyList<Finding> Findings, bool Conflict = false, bool Refused = false, Guid? Version = null, Guid? Id = null)
{
    public bool Ok => Findings.Count == 0 && !Conflict && !Refused;

    public static Outcome Success(Guid version, Guid? id = null) => new([], Version: version, Id: id);
    public static Outcome Invalid(IReadOnlyList<Finding> findings) => new(findings);
    public static Outcome Invalid(string code, string message, string field) => new([new Finding(code, message, field)]);
    public static Outcome ConflictWith(string message) =>
        new([new Finding("conflict", message, "")], Conflict: true);
    public static Outcome RefusedBecause(string code, string message) => new([new Finding(code, message, "")], Refused: true);

    public string Message => string.Join(" ", Findings.Select(f => f.Message));

    /// <summary>Runs a domain change: null when it applied; its findings, or a four-eyes or state refusal, as an outcome otherwise.</summary>
    public static async Task<Outcome?> ApplyAsync(Func<Task<List<Finding>>> change)
    {
        try
        {
            var findings = await change();
            return findings.Count > 0 ? Invalid(findings) : null;
        }
        catch (FourEyesViolation e)
        {
            return RefusedBecause("fourEyes", e.Message);
        }
        catch (InvalidStateTransition e)
        {
            return RefusedBecause("state", e.Message);
        }
    }

    /// <summary>Saves: null when saved, a conflict with <paramref name="conflict"/> when someone else saved the same record first.</summary>
    public static async Task<Outcome?> SaveAsync(DbContext db, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConflictWith(conflict);
        }
    }
}
