using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Portal.Mail;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Identity;
using static IaasKyc.Tests.Features.Dashboard.DashboardData;

namespace IaasKyc.Tests.Features.Dashboard;

public sealed class NotificationServiceTests : IAsyncDisposable
{
    private const string Owner = "owner@example.com";
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private async Task UserAsync(string email, string? role = null)
    {
        var users = db.Get<UserManager<PortalUser>>();
        var user = Make.User(email);
        Assert.True((await users.CreateAsync(user)).Succeeded);
        if (role is not null) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    [Fact]
    public async Task Each_threshold_is_notified_once_to_the_clock_s_owner_with_a_mailed_digest()
    {
        await UserAsync(Owner);
        await using (var context = db.NewContext())
        {
            // Received 9 days ago: due tomorrow (due soon), overdue in two days.
            context.Add(CipRequest("DOC-1", Today.AddDays(-9), by: Owner));
            await context.SaveChangesAsync();
        }
        var service = db.Get<NotificationService>();

        var first = await service.RaiseDueAsync();
        var again = await service.RaiseDueAsync();
        db.Clock.Advance(TimeSpan.FromDays(2));
        var overdue = await service.RaiseDueAsync();
        var afterOverdue = await service.RaiseDueAsync();

        Assert.Equal((1, 1, 1), (first.Clocks, first.Raised, first.Mailed));
        Assert.Equal(0, again.Raised);
        Assert.Equal(1, overdue.Raised);
        Assert.Equal(0, afterOverdue.Raised);
        var list = await service.ListAsync(Owner);
        Assert.Equal([DeadlineState.Overdue, DeadlineState.DueSoon], list.Select(n => n.Threshold));
        Assert.StartsWith("CIP production request: Request DOC-1: overdue", list[0].Title);
        Assert.Equal(2, await service.UnreadCountAsync(Owner));
        var folder = ((PickupFolderMailSender)db.Get<IMailSender>()).Folder;
        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
        Assert.Contains("To: " + Owner, File.ReadAllText(Directory.GetFiles(folder, "*.eml")[0]));
    }

    [Fact]
    public async Task A_clock_whose_owner_is_no_user_goes_to_every_Officer_and_nobody_else()
    {
        await db.AddRolesAsync();
        await UserAsync("o1@example.com", Roles.Officer);
        await UserAsync("o2@example.com", Roles.Officer);
        await UserAsync("a1@example.com", Roles.Approver);
        await using (var context = db.NewContext())
        {
            context.Add(CipRequest("DOC-2", Today.AddDays(-11), by: "system:attestation-renewal"));
            await context.SaveChangesAsync();
        }
        var service = db.Get<NotificationService>();

        var run = await service.RaiseDueAsync();

        Assert.Equal(2, run.Raised);
        Assert.Equal(1, await service.UnreadCountAsync("o1@example.com"));
        Assert.Equal(1, await service.UnreadCountAsync("o2@example.com"));
        Assert.Equal(0, await service.UnreadCountAsync("a1@example.com"));
        Assert.Equal(DeadlineState.Overdue, (await service.ListAsync("o1@example.com"))[0].Threshold);
    }

    [Fact]
    public async Task Users_mark_their_own_notices_read_never_another_s()
    {
        await UserAsync(Owner);
        await UserAsync("other@example.com");
        await using (var context = db.NewContext())
        {
            context.AddRange(CipRequest("DOC-3", Today.AddDays(-9), by: Owner), CipRequest("DOC-4", Today.AddDays(-8), by: Owner),
                CipRequest("DOC-5", Today.AddDays(-9), by: "other@example.com"));
            await context.SaveChangesAsync();
        }
        var service = db.Get<NotificationService>();
        await service.RaiseDueAsync();
        var mine = await service.ListAsync(Owner);
        var others = await service.ListAsync("other@example.com");

        Assert.False(await service.MarkReadAsync(Owner, others[0].Id));
        Assert.True(await service.MarkReadAsync(Owner, mine[0].Id));
        Assert.Equal(1, await service.UnreadCountAsync(Owner));
        Assert.Equal(1, await service.MarkAllReadAsync(Owner));

        Assert.Equal(0, await service.UnreadCountAsync(Owner));
        Assert.Equal(1, await service.UnreadCountAsync("other@example.com"));
        Assert.Contains(await db.AuditEntriesAsync(), e => e.EntityType == "Notification" && e.Action == "notify");
    }
}
