using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data;

/// <summary>
/// The same model as <see cref="PortalDbContext"/>, on PostgreSQL: a type of its own only so that its migrations
/// (Data/Migrations/Postgres) are told apart from SQLite's (docs/decisions/0005-postgresql-provider.md).
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options, AuditActor? actor = null)
    : PortalDbContext(options, actor);

/// <summary>Hands out the provider's context as a <see cref="PortalDbContext"/>, which is what every service asks for.</summary>
internal sealed class PortalContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
