using IaasKyc.Portal.Features.Users;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.Users;

public sealed class UserAdminServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private UserAdminService Users => db.Get<UserAdminService>();

    [Fact]
    public async Task A_created_user_has_the_chosen_roles()
    {
        await db.AddRolesAsync();

        var findings = await Users.CreateAsync(Make.NewUser(email: " ada@example.com ", roles: [Roles.Officer, Roles.Approver]), ct);

        Assert.Empty(findings);
        var user = Assert.Single(await Users.ListAsync(ct));
        Assert.Equal(("ada@example.com", "Ada Lovelace", false), (user.Email, user.DisplayName, user.LockedOut));
        Assert.Equal([Roles.Approver, Roles.Officer], user.Roles);
        Assert.Equal(db.UtcNow, user.CreatedAtUtc);
    }

    [Fact]
    public async Task The_user_s_creation_is_audited_under_the_acting_admin()
    {
        await db.AddRolesAsync();

        await Users.CreateAsync(Make.NewUser(roles: [Roles.Officer]), ct);

        var entries = await db.AuditEntriesAsync();
        Assert.Contains(entries, e => e.EntityType == "User" && e.Action == "create");
        Assert.Contains(entries, e => e.EntityType == "UserRole" && e.Action == "create");
        Assert.All(entries, e => Assert.Equal(ServiceTestDb.Actor, e.Actor));
        Assert.All(entries, e => Assert.DoesNotContain("ada@example.com", e.ChangesJson, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_short_password_is_a_finding_on_the_password_field_and_nothing_is_stored()
    {
        await db.AddRolesAsync();

        var findings = await Users.CreateAsync(Make.NewUser(password: "short"), ct);

        Assert.Contains(findings, f => f.Field == "password" && f.Code == "user.PasswordTooShort");
        Assert.All(findings, f => Assert.Equal("password", f.Field));
        Assert.Empty(await Users.ListAsync(ct));
    }

    [Fact]
    public async Task An_email_can_belong_to_one_user_only()
    {
        await db.AddRolesAsync();
        await Users.CreateAsync(Make.NewUser(email: "ada@example.com"), ct);

        var findings = await Users.CreateAsync(Make.NewUser(email: "ADA@example.com", displayName: "Another Ada"), ct);

        Assert.Equal(("user.emailTaken", "email"), (Assert.Single(findings).Code, findings[0].Field));
        Assert.Single(await Users.ListAsync(ct));
    }

    [Fact]
    public async Task A_user_needs_a_name_and_known_roles()
    {
        var findings = await Users.CreateAsync(new NewUser("ada@example.com", " ", Make.Password, [Roles.Officer, "Root"]), ct);
        var noRole = await Users.CreateAsync(new NewUser("ada@example.com", "Ada Lovelace", Make.Password, []), ct);

        Assert.Equal([("user.nameRequired", "displayName"), ("user.unknownRole", "roles")], findings.Select(f => (f.Code, f.Field)));
        Assert.Equal(("user.roleRequired", "roles"), (Assert.Single(noRole).Code, noRole[0].Field));
        Assert.Empty(await Users.ListAsync(ct));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        var admin = await CreateAsync("admin@example.com", Roles.Admin);

        var findings = await Users.SetRolesAsync(admin, [Roles.Auditor], currentUserId: admin, ct);

        Assert.Equal(("user.ownAdmin", "roles"), (Assert.Single(findings).Code, findings[0].Field));
        Assert.Equal([Roles.Admin], (await Users.ListAsync(ct)).Single().Roles);
    }

    [Fact]
    public async Task An_admin_can_change_another_user_s_roles()
    {
        var admin = await CreateAsync("admin@example.com", Roles.Admin);
        var other = await CreateAsync("other@example.com", Roles.Admin, Roles.Officer);

        var findings = await Users.SetRolesAsync(other, [Roles.Auditor, Roles.Officer], currentUserId: admin, ct);

        Assert.Empty(findings);
        Assert.Equal([Roles.Auditor, Roles.Officer], (await Users.ListAsync(ct)).Single(u => u.Id == other).Roles);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var admin = await CreateAsync("admin@example.com", Roles.Admin);

        var findings = await Users.SetLockedAsync(admin, locked: true, currentUserId: admin, ct);

        Assert.Equal(("user.ownLock", "lock"), (Assert.Single(findings).Code, findings[0].Field));
        Assert.False((await Users.ListAsync(ct)).Single().LockedOut);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_sessions_and_unlocking_restores_access()
    {
        var admin = await CreateAsync("admin@example.com", Roles.Admin);
        var officer = await CreateAsync("officer@example.com", Roles.Officer);
        var stampBefore = await SecurityStampAsync(officer);

        var locked = await Users.SetLockedAsync(officer, locked: true, currentUserId: admin, ct);
        var whileLocked = (await Users.ListAsync(ct)).Single(u => u.Id == officer);
        var stampWhileLocked = await SecurityStampAsync(officer);
        var unlocked = await Users.SetLockedAsync(officer, locked: false, currentUserId: admin, ct);
        var afterUnlock = (await Users.ListAsync(ct)).Single(u => u.Id == officer);

        Assert.Empty(locked);
        Assert.True(whileLocked.LockedOut);
        Assert.NotEqual(stampBefore, stampWhileLocked);
        Assert.Empty(unlocked);
        Assert.False(afterUnlock.LockedOut);
        Assert.Null(afterUnlock.LockoutEnd);
        Assert.False((await Users.ListAsync(ct)).Single(u => u.Id == admin).LockedOut);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_must_meet_the_rules()
    {
        var officer = await CreateAsync("officer@example.com", Roles.Officer);
        var hashBefore = await PasswordHashAsync(officer);

        var tooShort = await Users.ResetPasswordAsync(officer, "short", ct);
        var hashAfterRefusal = await PasswordHashAsync(officer);
        var reset = await Users.ResetPasswordAsync(officer, "A brand new passphrase 7", ct);

        Assert.Contains(tooShort, f => f.Field == "password");
        Assert.Equal(hashBefore, hashAfterRefusal);
        Assert.Empty(reset);
        Assert.NotEqual(hashBefore, await PasswordHashAsync(officer));
    }

    private async Task<string> CreateAsync(string email, params string[] roles)
    {
        if (!await AnyRoleAsync()) await db.AddRolesAsync();
        Assert.Empty(await Users.CreateAsync(Make.NewUser(email: email, roles: roles), ct));
        return (await Users.ListAsync(ct)).Single(u => u.Email == email).Id;
    }

    private async Task<bool> AnyRoleAsync()
    {
        await using var context = db.NewContext();
        return await context.Roles.AnyAsync(ct);
    }

    private async Task<string?> SecurityStampAsync(string userId)
    {
        await using var context = db.NewContext();
        return (await context.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct)).SecurityStamp;
    }

    private async Task<string?> PasswordHashAsync(string userId)
    {
        await using var context = db.NewContext();
        return (await context.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct)).PasswordHash;
    }
}
