using IaasKyc.Domain;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Users;

public sealed record UserView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut,
    DateTimeOffset? LockoutEnd, int FailedAttempts, DateTime CreatedAtUtc);

public sealed record NewUser(string Email, string DisplayName, string Password, IReadOnlyCollection<string> Roles);

/// <summary>Admin work on users: create (public self-registration is off), roles, lock and unlock, password reset.</summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            u.LockoutEnd is { } end && end > now, u.LockoutEnd, u.AccessFailedCount, u.CreatedAtUtc))];
    }

    public async Task<IReadOnlyList<Finding>> CreateAsync(NewUser input, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        if (string.IsNullOrWhiteSpace(input.DisplayName)) findings.Add(new("user.nameRequired", "Enter the person's name.", "displayName"));
        if (input.Roles.Count == 0) findings.Add(new("user.roleRequired", "Choose at least one role.", "roles"));
        findings.AddRange(input.Roles.Where(r => !Roles.All.Contains(r)).Select(r => new Finding("user.unknownRole", $"{r} is not a role.", "roles")));
        if (findings.Count > 0) return findings;

        return await InScopeAsync(async users =>
        {
            var email = input.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
                return [new("user.emailTaken", "A user with this email exists already.", "email")];
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = input.DisplayName.Trim(),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded) return Map(created);
            var added = await users.AddToRolesAsync(user, input.Roles);
            return added.Succeeded ? [] : Map(added);
        });
    }

    public async Task<IReadOnlyList<Finding>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string currentUserId, CancellationToken ct = default)
    {
        if (roles.Count == 0) return [new("user.roleRequired", "A user keeps at least one role; lock the user instead.", "roles")];
        if (userId == currentUserId && !roles.Contains(Roles.Admin))
            return [new("user.ownAdmin", "You cannot remove your own Admin role: ask another Admin.", "roles")];
        return await InScopeAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException("The user no longer exists.");
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            if (!removed.Succeeded) return Map(removed);
            var added = await users.AddToRolesAsync(user, roles.Except(current));
            return added.Succeeded ? [] : Map(added);
        });
    }

    public async Task<IReadOnlyList<Finding>> SetLockedAsync(string userId, bool locked, string currentUserId, CancellationToken ct = default)
    {
        if (locked && userId == currentUserId) return [new("user.ownLock", "You cannot lock yourself out.", "lock")];
        return await InScopeAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException("The user no longer exists.");
            var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && !locked) result = await users.ResetAccessFailedCountAsync(user);
            // Locking also ends the user's open sessions: their cookie no longer validates.
            if (result.Succeeded && locked) result = await users.UpdateSecurityStampAsync(user);
            return result.Succeeded ? [] : Map(result);
        });
    }

    public async Task<IReadOnlyList<Finding>> ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default) =>
        await InScopeAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException("The user no longer exists.");
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            return result.Succeeded ? [] : Map(result);
        });

    /// <summary>Each operation gets its own short-lived scope (and DbContext), attributed to the signed-in Admin.</summary>
    private async Task<IReadOnlyList<Finding>> InScopeAsync(Func<UserManager<PortalUser>, Task<IReadOnlyList<Finding>>> work)
    {
        var name = await actor.NameAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(name);
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    private static List<Finding> Map(IdentityResult result) =>
        [.. result.Errors.Select(e => new Finding("user." + e.Code, e.Description, FieldOf(e.Code)))];

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles" : "form";
}
