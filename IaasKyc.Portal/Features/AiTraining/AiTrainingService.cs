using System.Text.RegularExpressions;
using IaasKyc.Domain;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AiTraining;

/// <summary>An accelerator as an Admin enters it: the peak in TFLOP/s (10^12 operations per second), as data sheets state it.</summary>
public sealed record AcceleratorInput(string? Name, string? Description, double? PeakTflops, string? Source, bool Retired = false);

/// <summary>The accelerator form of an estimate as a caller gives it: the accelerator by its catalogue name.</summary>
public sealed record AcceleratorEstimateInput(string? Accelerator, double? Count, double? Hours, double? Utilization, double? NetworkGbps, bool BiologicalData);

/// <summary>
/// Large-AI-training reports (issue 7): the accelerator catalogue an Admin maintains and the compute estimates
/// compared with the active rule pack's thresholds (regulation.md § 6).
/// </summary>
public sealed partial class AiTrainingService(IDbContextFactory<PortalDbContext> dbFactory, RulePackService rulePacks)
{
    public async Task<IReadOnlyList<Accelerator>> AcceleratorsAsync(bool includeRetired = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Accelerators.AsNoTracking().Where(a => includeRetired || !a.Retired).ToListAsync(ct);
        return [.. rows.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>An offered accelerator by name, whatever its case; null when unknown or retired.</summary>
    public async Task<Accelerator?> FindAcceleratorAsync(string? name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 40) return null;
        var key = Accelerator.Key(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accelerators.AsNoTracking().FirstOrDefaultAsync(a => a.NameKey == key && !a.Retired, ct);
    }

    public async Task<Outcome> SaveAcceleratorAsync(AcceleratorInput input, Guid? version, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var name = IntakeRules.Text(input.Name, "name", 40, f, required: true, "Enter the accelerator's name (for example H100).");
        if (name is not null && !NamePattern().IsMatch(name)) f.Add(new("name.format", "Use letters, digits and dashes (for example MI300X).", "name"));
        var description = IntakeRules.Text(input.Description, "description", 200, f, required: true, "Describe the part (vendor, model, form factor).");
        var source = IntakeRules.Text(input.Source, "source", 1000, f, required: true, "Name the source of the figure (the vendor's data sheet).");
        if (input.PeakTflops is not { } tflops) f.Add(new("peak.required", "Give the peak dense BF16 throughput in TFLOP/s.", "peakTflops"));
        else if (!double.IsFinite(tflops) || tflops <= 0 || tflops > 1_000_000)
            f.Add(new("peak.range", "Give the peak in TFLOP/s as a positive number up to 1,000,000 (2.25 PFLOP/s is 2250).", "peakTflops"));
        if (f.Count > 0) return Outcome.Invalid(f);

        var peak = input.PeakTflops!.Value * 1e12;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Accelerator.Key(name!);
        var existing = await db.Accelerators.FirstOrDefaultAsync(a => a.NameKey == key, ct);
        if (version is null)
        {
            if (existing is not null) return Outcome.Invalid("name.taken", "An accelerator with this name exists already.", "name");
            db.Accelerators.Add(new Accelerator(name!, description!, peak, source!));
        }
        else
        {
            if (existing is null) return Outcome.Invalid("notFound", "The accelerator no longer exists.", "name");
            if (existing.Version != version) return Outcome.ConflictWith("Someone else changed this accelerator: reload it.");
            existing.Update(description!, peak, source!, input.Retired);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this accelerator: reload it.");
        }
        return Outcome.Success(Guid.Empty);
    }

    public async Task<(ComputeEstimate? Estimate, IReadOnlyList<Finding> Findings)> EstimateAsync(ParametersTokensInput input, CancellationToken ct = default) =>
        ComputeEstimator.Estimate(input, await rulePacks.ActiveAsync(ct));

    public async Task<(ComputeEstimate? Estimate, IReadOnlyList<Finding> Findings)> EstimateAsync(AcceleratorEstimateInput input, CancellationToken ct = default)
    {
        var accelerator = await FindAcceleratorAsync(input.Accelerator, ct);
        var (estimate, findings) = ComputeEstimator.Estimate(
            new AcceleratorRunInput(accelerator, input.Count, input.Hours, input.Utilization, input.NetworkGbps, input.BiologicalData),
            await rulePacks.ActiveAsync(ct));
        if (accelerator is null && !string.IsNullOrWhiteSpace(input.Accelerator))
        {
            var known = string.Join(", ", (await AcceleratorsAsync(includeRetired: false, ct)).Select(a => a.Name));
            findings = [.. findings.Where(f => f.Field != "accelerator"),
                new("accelerator.unknown", $"The catalogue has no accelerator named {Shorten(input.Accelerator)}; use one of {known}.", "accelerator")];
        }
        return (estimate, findings);
    }

    /// <summary>Stores the seeded catalogue (regulation.md § 6 figures) when the database has none: every installation, demo or not.</summary>
    public static async Task EnsureDefaultAcceleratorsAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (await db.Accelerators.AnyAsync(ct)) return;
        db.Accelerators.AddRange(Accelerator.Defaults());
        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string s) => s.Length <= 40 ? $"\"{s.Trim()}\"" : $"\"{s[..40]}…\"";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex NamePattern();
}
