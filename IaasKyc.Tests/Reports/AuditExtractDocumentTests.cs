using System.Text.Json;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Reports;

public sealed class AuditExtractDocumentTests : IAsyncDisposable
{
    private readonly ServiceTestDb services = new();

    public AuditExtractDocumentTests() => services.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 15, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_extract_states_the_chain_verification_result()
    {
        await services.Get<ApiKeyService>().CreateAsync("Billing system", [ApiScopes.All[0]], "admin@example.com", Ct);
        await AddRulePackAsync("2026-11 Final rule");

        var extract = await services.Get<AuditExtractDocument>().RenderAsync(new AuditFilter(), "auditor@example.com", Ct);

        var text = string.Join(' ', ServiceTestDb.PageTexts(extract.Pdf));
        Assert.Contains("Audit trail extract", text);
        Assert.Contains("Chain verified: OK, 2 entries", text);
        Assert.Contains("create", text);
        Assert.Contains("ApiKey", text);
        Assert.Contains("RulePackVersion", text);
        Assert.Contains("Rule pack 2026-11 Final rule", text);
        Assert.Contains("auditor@example.com", text);
        Assert.Equal(2, extract.Entries);
    }

    [Fact]
    public async Task Audit_extract_shows_only_the_filtered_entries_and_names_the_filter()
    {
        await services.Get<ApiKeyService>().CreateAsync("Billing system", [ApiScopes.All[0]], "admin@example.com", Ct);
        await AddRulePackAsync("2026-11 Final rule");
        var filter = new AuditFilter(EntityType: "ApiKey", From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 30));

        var extract = await services.Get<AuditExtractDocument>().RenderAsync(filter, "auditor@example.com", Ct);

        var text = string.Join(' ', ServiceTestDb.PageTexts(extract.Pdf));
        Assert.Equal(1, extract.Entries);
        Assert.Equal("entity type ApiKey; from 2026-11-01 to 2026-11-30", extract.Filter);
        Assert.Equal("audit-extract-20261129T181500Z.pdf", extract.FileName);
        Assert.Contains("ApiKey", text);
        Assert.DoesNotContain("RulePackVersion", text);
        Assert.Contains("from 2026-11-01 to 2026-11-30", text);
    }

    [Fact]
    public async Task Audit_extract_reports_a_broken_chain()
    {
        await services.Get<ApiKeyService>().CreateAsync("Billing system", [ApiScopes.All[0]], "admin@example.com", Ct);
        await services.Get<ApiKeyService>().CreateAsync("CRM", [ApiScopes.All[0]], "admin@example.com", Ct);
        await using (var db = await services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
            await db.AuditEntries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "mallory"), Ct);

        var extract = await services.Get<AuditExtractDocument>().RenderAsync(new AuditFilter(), "auditor@example.com", Ct);

        var text = string.Join(' ', ServiceTestDb.PageTexts(extract.Pdf));
        Assert.Contains("Chain BROKEN at sequence 2", text);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private async Task AddRulePackAsync(string name)
    {
        await using var db = await services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        db.RulePackVersions.Add(new RulePackVersion
        {
            Id = Guid.NewGuid(),
            Name = name,
            EffectiveFrom = new DateOnly(2026, 11, 1),
            ParametersJson = JsonSerializer.Serialize(RulePack.Default.Parameters),
            CreatedBy = "admin@example.com",
            CreatedAtUtc = services.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(Ct);
    }
}
