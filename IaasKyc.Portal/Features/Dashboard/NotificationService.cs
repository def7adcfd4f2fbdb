using System.Text;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Mail;
using IaasKyc.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Dashboard;

public sealed record NotificationView(Guid Id, string Title, string Href, DeadlineState Threshold, DateOnly DueDate, DateTime CreatedAtUtc, bool Read);

/// <summary>What one run of the deadline notifier did.</summary>
public sealed record NotificationRun(int Clocks, int Raised, int Mailed);

/// <summary>
/// The bell (issue 9 item 4): each user's notices, read and unread, and the run that raises them for clocks due soon or overdue.
/// A clock's owner is notified; a clock without an owner among the users (one a background job opened) goes to every Officer.
/// </summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> dbFactory, DeadlineService deadlines, PortalTime time,
    IMailSender mail, ILogger<NotificationService> logger, IConfiguration? config = null)
{
    public const int ListSize = 50;

    public async Task<int> UnreadCountAsync(string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.Recipient == user && n.ReadAtUtc == null, ct);
    }

    public async Task<IReadOnlyList<NotificationView>> ListAsync(string user, bool unreadOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Recipient == user && (!unreadOnly || n.ReadAtUtc == null))
            .OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Title).Take(ListSize)
            .Select(n => new NotificationView(n.Id, n.Title, n.Href, n.Threshold, n.DueDate, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one of the user's own notices read; another user's notice is left alone (false).</summary>
    public async Task<bool> MarkReadAsync(string user, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.Recipient == user, ct);
        if (n is null) return false;
        n.ReadAtUtc ??= time.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<int> MarkAllReadAsync(string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Set<Notification>().Where(n => n.Recipient == user && n.ReadAtUtc == null).ToListAsync(ct);
        if (unread.Count == 0) return 0;
        var now = time.UtcNow;
        foreach (var n in unread) n.ReadAtUtc = now;
        db.AuditBulk<Notification>("read", "Notification", "user:" + user, null, unread.Count, Encoding.UTF8.GetBytes(string.Join(',', unread.Select(n => n.Id))));
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    /// <summary>Raises the notices owed now: one per clock, recipient and threshold crossed; mails each recipient a digest of theirs.</summary>
    public async Task<NotificationRun> RaiseDueAsync(CancellationToken ct = default)
    {
        var due = await deadlines.ComingDueAsync(ct);
        if (due.Count == 0) return new(0, 0, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null).Select(u => new { u.Id, u.UserName, u.Email }).ToListAsync(ct);
        var byName = users.ToDictionary(u => u.UserName!, StringComparer.OrdinalIgnoreCase);
        var officerIds = await db.Roles.Where(r => r.Name == Roles.Officer).Join(db.UserRoles, r => r.Id, ur => ur.RoleId, (r, ur) => ur.UserId).ToListAsync(ct);
        var officers = users.Where(u => officerIds.Contains(u.Id)).Select(u => u.UserName!).ToList();

        var keys = due.Select(r => r.Item.Key).Distinct().ToList();
        var sent = (await db.Set<Notification>().AsNoTracking().Where(n => keys.Contains(n.ClockKey))
                .Select(n => new { n.Recipient, n.ClockKey, n.DueDate, n.Threshold }).ToListAsync(ct))
            .ToLookup(n => (n.Recipient.ToUpperInvariant(), n.ClockKey, n.DueDate), n => n.Threshold);

        var now = time.UtcNow;
        var raised = new List<Notification>();
        foreach (var row in due)
        {
            IReadOnlyList<string> recipients = row.Item.Whose is { } owner && byName.TryGetValue(owner, out var u) ? [u.UserName!] : officers;
            foreach (var recipient in recipients)
            {
                var already = sent[(recipient.ToUpperInvariant(), row.Item.Key, row.Item.DueDate)].ToList();
                if (DeadlineStanding.NoticeOwed(row.Standing.State, already) is not { } threshold) continue;
                raised.Add(new Notification
                {
                    Id = Guid.NewGuid(),
                    Recipient = recipient,
                    ClockKey = row.Item.Key,
                    DueDate = row.Item.DueDate,
                    Threshold = threshold,
                    Title = Clip($"{row.Item.Kind}: {row.Item.What}: {(threshold == DeadlineState.Overdue ? "overdue" : "due soon")}, {row.Standing.Text} (due {row.Item.DueDate:yyyy-MM-dd})", 500),
                    Href = row.Item.Href,
                    CreatedAtUtc = now,
                });
            }
        }
        if (raised.Count == 0) return new(due.Count, 0, 0);
        db.Set<Notification>().AddRange(raised);
        db.AuditBulk<Notification>("notify", "Notification", "deadline-run", null, raised.Count,
            Encoding.UTF8.GetBytes(string.Join('\n', raised.Select(n => $"{n.Recipient}|{n.ClockKey}|{n.DueDate:yyyy-MM-dd}|{n.Threshold}"))));
        await db.SaveChangesAsync(ct);

        var mailed = (config?.GetValue("Notifications:Email", true) ?? true) ? await MailAsync(db, raised, byName.ToDictionary(p => p.Key, p => p.Value.Email, StringComparer.OrdinalIgnoreCase), ct) : 0;
        return new(due.Count, raised.Count, mailed);
    }

    // One digest per recipient; a failed mail leaves the in-app notices in place and is not retried.
    private async Task<int> MailAsync(PortalDbContext db, List<Notification> raised, Dictionary<string, string?> emails, CancellationToken ct)
    {
        var mailed = 0;
        foreach (var group in raised.GroupBy(n => n.Recipient, StringComparer.OrdinalIgnoreCase))
        {
            if (!emails.TryGetValue(group.Key, out var to) || string.IsNullOrWhiteSpace(to)) continue;
            var body = new StringBuilder("These deadlines need your attention:\n\n");
            foreach (var n in group) body.Append("- ").Append(n.Title).Append('\n');
            try
            {
                await mail.SendAsync(new OutgoingMail(to, $"IaasKyc: {group.Count()} deadline(s) due soon or overdue", body.ToString()), ct);
                foreach (var n in group) n.Mailed = true;
                mailed++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The deadline digest for {Recipient} could not be mailed.", group.Key);
            }
        }
        if (mailed > 0)
        {
            db.AuditBulk<Notification>("mail", "Notification", "deadline-run", null, mailed, Encoding.UTF8.GetBytes(string.Join(',', raised.Where(n => n.Mailed).Select(n => n.Id))));
            await db.SaveChangesAsync(ct);
        }
        return mailed;
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>Checks the deadlines at start-up and then every <c>Notifications:IntervalMinutes</c> (5) and raises the notices owed.</summary>
public sealed class DeadlineNotifier(IServiceProvider services, JobLeases leases, JobMonitor monitor, IConfiguration config, TimeProvider clock,
    ILogger<DeadlineNotifier> logger) : PeriodicJob(services, leases, monitor, clock, logger)
{
    public const string Job = "Deadline notifications";
    public const string ActorName = "system:deadline-notifier";

    public override string Name => Job;
    public override string Actor => ActorName;
    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Notifications:IntervalMinutes", 5)));

    protected override async Task<string> RunAsync(IServiceProvider scope, CancellationToken ct)
    {
        var run = await scope.GetRequiredService<NotificationService>().RaiseDueAsync(ct);
        return $"{run.Clocks} clock(s) due soon or overdue, {run.Raised} notice(s) raised, {run.Mailed} mailed";
    }
}
