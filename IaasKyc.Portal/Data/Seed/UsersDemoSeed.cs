using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Identity;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>Demo sign-ins for every role (listed in README.md), including one user with two roles to show the four-eyes rule.</summary>
public sealed class UsersDemoSeed : IDemoSeed
{
    public const string Password = "Demo-Pass-2026!";

    public static readonly IReadOnlyList<(string Email, string Name, string[] Roles)> Users =
    [
        ("officer@iaaskyc.example", "Olivia Ortega", [Roles.Officer]),
        ("officer2@iaaskyc.example", "Oscar Okafor", [Roles.Officer]),
        ("approver@iaaskyc.example", "Amelia Armstrong", [Roles.Approver]),
        ("lead@iaaskyc.example", "Lena Lindqvist", [Roles.Officer, Roles.Approver]),
        ("auditor@iaaskyc.example", "Arthur Aldridge", [Roles.Auditor]),
        ("admin@iaaskyc.example", "Adele Adeyemi", [Roles.Admin]),
    ];

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var (email, name, roles) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = now, LockoutEnabled = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, roles));
        }
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
