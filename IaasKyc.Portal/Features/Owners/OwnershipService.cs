using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>An entity customer's stored ownership structure with its beneficial owners computed under the active rule pack.</summary>
/// <param name="Stored">False when no structure has been stored yet (the graph is then empty and the result has no owners).</param>
public sealed record OwnershipView(Guid CustomerId, bool Stored, OwnershipGraph Graph, OwnershipResult Result, Guid? Version, DateTime? UpdatedAtUtc, string? UpdatedBy);

/// <summary>
/// Beneficial ownership of entity customers (issue 4; regulation.md §1): replaces the structure as a whole, refusing a bad
/// one with findings at <c>nodes[i]</c> / <c>edges[i].percent</c> and leaving the stored one unchanged. A new beneficial
/// owner sends a verified customer back to review (product.md "Beneficial owners").
/// </summary>
public sealed class OwnershipService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public const string NotFoundCode = "notFound";

    /// <summary>The stored structure and its computed owners; null when the customer does not exist.</summary>
    public async Task<OwnershipView?> GetAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kind = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerKind?)c.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) return null;
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null)
        {
            var empty = new OwnershipGraph([], []);
            return new OwnershipView(customerId, false, empty, new OwnershipResult([], [], new Dictionary<string, decimal>(), new BlockedOwnership(false, 0m, [])),
                null, null, null);
        }
        var graph = OwnershipJson.Read(stored);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        return new OwnershipView(customerId, true, graph, OwnershipPolicy.Evaluate(graph, pack, kind == CustomerKind.Entity),
            stored.Version, stored.UpdatedAtUtc, stored.UpdatedBy);
    }

    /// <summary>Parses and replaces (the API and the editor).</summary>
    public Task<Outcome> ReplaceAsync(Guid customerId, OwnershipInput? input, Guid? expectedVersion = null, CancellationToken ct = default)
    {
        var (graph, findings) = OwnershipInputRules.Parse(input);
        return graph is null ? Task.FromResult(Outcome.Invalid(findings)) : ReplaceAsync(customerId, graph, expectedVersion, ct);
    }

    /// <summary>
    /// Replaces the customer's structure. Unknown customer: a finding coded <see cref="NotFoundCode"/>; an individual customer or a
    /// refused structure: findings, nothing stored. <paramref name="expectedVersion"/>, when given, is the structure version the caller saw.
    /// </summary>
    public async Task<Outcome> ReplaceAsync(Guid customerId, OwnershipGraph graph, Guid? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return Outcome.Invalid(NotFoundCode, "The customer does not exist.", "");
        if (customer.Kind != CustomerKind.Entity)
        {
            return Outcome.Invalid("ownership.individualCustomer",
                "Beneficial ownership applies to entity customers: an individual customer has no ownership structure.", "");
        }

        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var result = OwnershipPolicy.Evaluate(graph, pack, customerIsEntity: true);
        if (!result.Valid) return Outcome.Invalid(result.Findings);

        var stored = await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (expectedVersion is { } v && stored?.Version != v)
            return Outcome.ConflictWith("Someone else changed this ownership structure since you opened it. Reload to see their change; your input is kept.");

        var previousOwners = new HashSet<string>(StringComparer.Ordinal);
        if (stored is not null)
        {
            var previous = OwnershipPolicy.Evaluate(OwnershipJson.Read(stored), pack, customerIsEntity: true);
            previousOwners.UnionWith(previous.BeneficialOwners.Select(o => o.Key));
        }

        var by = await actor.NameAsync();
        var now = time.UtcNow;
        var added = result.BeneficialOwners.Where(o => !previousOwners.Contains(o.Key)).ToList();
        if (added.Count > 0)
        {
            customer.OwnersChanged(by, now,
                $"New beneficial owner{(added.Count == 1 ? "" : "s")} reported by {by}: {string.Join(", ", added.Select(o => o.Name))}: review again.");
        }

        if (stored is null)
        {
            stored = new OwnershipStructure { CustomerId = customerId };
            db.OwnershipStructures.Add(stored);
        }
        stored.NodesJson = OwnershipJson.Nodes(graph);
        stored.EdgesJson = OwnershipJson.Edges(graph);
        stored.UpdatedAtUtc = now;
        stored.UpdatedBy = by;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this customer at the same moment. Reload to see their change; your input is kept.");
        }
        return Outcome.Success(stored.Version, customerId);
    }
}
