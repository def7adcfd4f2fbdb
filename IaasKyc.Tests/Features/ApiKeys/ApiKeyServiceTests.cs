using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.ApiKeys;

public sealed class ApiKeyServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private ApiKeyService Keys => db.Get<ApiKeyService>();

    [Fact]
    public async Task A_created_key_authenticates_with_its_name_and_scopes()
    {
        var created = await Keys.CreateAsync(" Billing export ", [ApiScopes.Customers, ApiScopes.Audit, ApiScopes.Audit], "admin@example.com", ct);

        var key = await Keys.AuthenticateAsync(created.Secret, ct);

        Assert.NotNull(key);
        Assert.Equal(created.Key.Id, key.Id);
        Assert.Equal("Billing export", key.Name);
        Assert.Equal([ApiScopes.Audit, ApiScopes.Customers], key.Scopes);
        Assert.StartsWith("iak_", created.Secret);
        Assert.Equal(created.Secret[..12], key.Prefix);
    }

    [Fact]
    public async Task A_wrong_key_does_not_authenticate()
    {
        var created = await Keys.CreateAsync("Billing export", [ApiScopes.Audit], "admin@example.com", ct);
        var last = created.Secret[^1];
        string[] wrong =
        [
            created.Secret[..^1] + (last == 'A' ? 'B' : 'A'),
            created.Secret[..12],
            created.Secret + "x",
            created.Secret.ToUpperInvariant(),
            "iak_" + new string('x', 43),
            "",
            created.Secret.Replace("iak_", "xyz_", StringComparison.Ordinal),
            created.Secret + new string('x', 200),
        ];

        foreach (var presented in wrong)
            Assert.Null(await Keys.AuthenticateAsync(presented, ct));
    }

    [Fact]
    public async Task A_revoked_key_no_longer_authenticates()
    {
        var created = await Keys.CreateAsync("Billing export", [ApiScopes.Audit], "admin@example.com", ct);

        await Keys.RevokeAsync(created.Key.Id, created.Key.Version, "admin@example.com", ct);

        Assert.Null(await Keys.AuthenticateAsync(created.Secret, ct));
        var listed = Assert.Single(await Keys.ListAsync(ct));
        Assert.Equal(("admin@example.com", db.UtcNow), (listed.RevokedBy, listed.RevokedAtUtc));
    }

    [Fact]
    public async Task Revoking_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var created = await Keys.CreateAsync("Billing export", [ApiScopes.Audit], "admin@example.com", ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Keys.RevokeAsync(created.Key.Id, Guid.NewGuid(), "admin@example.com", ct));

        Assert.NotNull(await Keys.AuthenticateAsync(created.Secret, ct));
        Assert.Single(await db.AuditEntriesAsync());
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var created = await Keys.CreateAsync("Billing export", [ApiScopes.Audit], "admin@example.com", ct);

        await using var context = db.NewContext();
        var stored = await context.ApiKeys.AsNoTracking().SingleAsync(ct);
        Assert.Equal(ApiKeyService.HashOf(created.Secret), stored.Hash);
        Assert.Equal(created.Secret[..12], stored.Prefix);
        Assert.DoesNotContain(created.Secret, string.Join("|", stored.Name, stored.Prefix, stored.Hash, stored.Scopes, stored.CreatedBy));
        Assert.All(await db.AuditEntriesAsync(), e => Assert.DoesNotContain(created.Secret[12..], e.ChangesJson));
        Assert.All(await db.AuditEntriesAsync(), e => Assert.DoesNotContain(stored.Hash, e.ChangesJson));
    }

    [Fact]
    public async Task Two_keys_are_never_the_same()
    {
        var first = await Keys.CreateAsync("First", [ApiScopes.Audit], "admin@example.com", ct);
        var second = await Keys.CreateAsync("Second", [ApiScopes.Audit], "admin@example.com", ct);

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal("First", (await Keys.AuthenticateAsync(first.Secret, ct))?.Name);
        Assert.Equal("Second", (await Keys.AuthenticateAsync(second.Secret, ct))?.Name);
    }

    [Fact]
    public void A_key_needs_a_name_and_at_least_one_scope()
    {
        var findings = ApiKeyService.Validate(" ", []);

        Assert.Equal([("apiKey.nameRequired", "name"), ("apiKey.scopeRequired", "scopes")], findings.Select(f => (f.Code, f.Field)));
    }

    [Fact]
    public void A_key_name_has_at_most_100_characters_and_scopes_must_be_known()
    {
        var findings = ApiKeyService.Validate(new string('n', 101), [ApiScopes.Audit, "root"]);

        Assert.Equal([("apiKey.nameTooLong", "name"), ("apiKey.unknownScope", "scopes")], findings.Select(f => (f.Code, f.Field)));
        Assert.Contains("root", findings[1].Message);
        Assert.Empty(ApiKeyService.Validate(new string('n', 100), ApiScopes.All.ToList()));
    }

    [Fact]
    public async Task Creating_an_invalid_key_stores_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Keys.CreateAsync("Billing export", ["root"], "admin@example.com", ct));

        Assert.Empty(await Keys.ListAsync(ct));
        Assert.Empty(await db.AuditEntriesAsync());
    }
}
