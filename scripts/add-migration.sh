#!/usr/bin/env bash
# Adds an EF Core migration named <Name> for both database providers, so their migrations never drift apart:
#   SQLite     -> IaasKyc.Portal/Data/Migrations           (PortalDbContext)
#   PostgreSQL -> IaasKyc.Portal/Data/Migrations/Postgres  (PostgresPortalDbContext)
# No database server is needed. MigrationsTests fails while the model and either provider's migrations differ.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <Name>}"
dotnet tool restore >/dev/null
dotnet build IaasKyc.Portal -c Release -nologo -v quiet
ef() { dotnet ef migrations add "$@" --project IaasKyc.Portal --startup-project IaasKyc.Portal --configuration Release --no-build; }
ef "$name" --context IaasKyc.Portal.Data.PortalDbContext --output-dir Data/Migrations
# The PostgreSQL context comes from the app's own host with the provider switched (no server is contacted).
Database__Provider=Postgres ConnectionStrings__Portal="Host=localhost;Database=iaaskyc" \
  ef "$name" --context IaasKyc.Portal.Data.PostgresPortalDbContext --output-dir Data/Migrations/Postgres
echo "Added migration $name for SQLite and PostgreSQL."
