using System.Text.RegularExpressions;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Products;

public sealed record ProductInput(string? Code, string? Name, string? Description, bool InScope, bool AdvancedCompute, string? Eccn, bool Retired = false);

/// <summary>The catalogue of IaaS products an Admin maintains; in-scope and advanced-compute flags feed risk and AI-training detection.</summary>
public sealed partial class ProductService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Product>> ListAsync(bool includeRetired = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().Where(p => includeRetired || !p.Retired).OrderBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<Outcome> SaveAsync(ProductInput input, Guid? version, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var code = IntakeRules.Text(input.Code, "code", 40, f, required: true, "Enter a product code.");
        if (code is not null && !CodePattern().IsMatch(code)) f.Add(new("code.format", "Use letters, digits and dashes (for example GPU-H100).", "code"));
        var name = IntakeRules.Text(input.Name, "name", 200, f, required: true, "Enter the product name.");
        var description = IntakeRules.Text(input.Description, "description", 1000, f);
        var eccn = IntakeRules.Text(input.Eccn, "eccn", 20, f);
        if (input.AdvancedCompute && eccn is null) f.Add(new("required", "Give the ECCN of the advanced computing items (for example 4A090).", "eccn"));
        if (f.Count > 0) return Outcome.Invalid(f);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Products.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (version is null)
        {
            if (existing is not null) return Outcome.Invalid("code.taken", "A product with this code exists already.", "code");
            db.Products.Add(new Product(code!, name!, description, input.InScope, input.AdvancedCompute, eccn));
        }
        else
        {
            if (existing is null) return Outcome.Invalid("notFound", "The product no longer exists.", "code");
            if (existing.Version != version) return Outcome.ConflictWith("Someone else changed this product: reload it.");
            existing.Update(name!, description, input.InScope, input.AdvancedCompute, eccn, input.Retired);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this product: reload it.");
        }
        return Outcome.Success(Guid.Empty);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CodePattern();
}
