using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Portal.Features.Retention;
using IaasKyc.Portal.Storage;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.Retention;

/// <summary>Retention, legal hold and purge through the real services on SQLite; the clock starts on 2026-06-15 in New York.</summary>
public sealed class RetentionServiceTests : IAsyncDisposable
{
    private const string Admin = "admin@example.test";
    private const string Approver = "approver@example.test";
    private const string Name = "Nordlicht Rechenzentrum GmbH";
    private const string Email = "compliance@nordlicht.example";

    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private RetentionService As(string user) => db.As<RetentionService>(user);

    /// <summary>
    /// A submitted (so screened) foreign entity with a passport scan uploaded and IP access records, closed today;
    /// returns its id and the scan's upload id.
    /// </summary>
    private async Task<(Guid Id, string Upload)> ClosedCustomerAsync(DateTime? lastAccessUtc = null)
    {
        var service = db.Get<CustomerService>();
        var queries = db.Get<CustomerQueries>();
        var id = await Support.Customers.SubmittedForeignAsync(service, queries);
        var (upload, finding) = await db.Get<UploadStore>().SaveAsync(new MemoryStream("%PDF-1.4 passport scan"u8.ToArray()), "passport.pdf", "file",
            [UploadKind.Pdf]);
        Assert.Null(finding);
        var version = (await queries.GetAsync(id))!.Version;
        var evidence = await service.AddDocumentaryEvidenceAsync(id, version, "Passport of the managing director", "C01X00T47", "DE", null, upload);
        Assert.True(evidence.Ok, evidence.Message);
        var at = lastAccessUtc ?? db.UtcNow.AddDays(-3);
        var ingest = await db.Get<AccessEventService>().IngestAsync("ACC-NORD-1",
            [new AccessEventInput("203.0.113.7", at.ToString("O"), "access"), new AccessEventInput("203.0.113.8", at.AddDays(-1).ToString("O"), "administration")]);
        Assert.True(ingest.Ok, string.Join("; ", ingest.Findings.Select(f => f.Message)));
        var closed = await service.CloseAsync(id, evidence.Version!.Value, "Contract ended");
        Assert.True(closed.Ok, closed.Message);
        return (id, upload!.Id);
    }

    private async Task<int> RowsAboutAsync(Guid id)
    {
        await using var ctx = db.NewContext();
        var accounts = ctx.Accounts.Where(a => a.CustomerId == id).Select(a => a.Id);
        return await ctx.Customers.CountAsync(c => c.Id == id) + await accounts.CountAsync()
            + await ctx.AccessEvents.CountAsync(e => accounts.Contains(e.AccountId)) + await ctx.Evidence.CountAsync(e => e.CustomerId == id)
            + await ctx.Discrepancies.CountAsync(d => d.CustomerId == id) + await ctx.StatusChanges.CountAsync(h => h.CustomerId == id)
            + await ctx.OwnerProfiles.CountAsync(o => o.CustomerId == id) + await ctx.OwnershipStructures.CountAsync(o => o.CustomerId == id)
            + await ctx.ScreeningRuns.CountAsync(r => r.CustomerId == id) + await ctx.ScreeningAlerts.CountAsync(a => a.CustomerId == id)
            + await ctx.PurgeCandidates.CountAsync(c => c.CustomerId == id);
    }

    private void PastRetention() => db.Clock.Advance(TimeSpan.FromDays(2 * 365 + 2));

    [Fact]
    public async Task The_retention_date_runs_from_the_later_of_closure_and_last_access_in_the_provider_s_zone()
    {
        var (id, _) = await ClosedCustomerAsync();

        var retention = await As(Admin).ForCustomerAsync(id);

        // Closed on 2026-06-15 (New York); the last access was three days before.
        Assert.Equal(new DateOnly(2028, 6, 15), retention!.Basis.RetainUntil);
        Assert.Equal("2 years after the last account closure (2026-06-15)", retention.Basis.Describe());
        Assert.False(retention.Purgeable);
    }

    [Fact]
    public async Task An_open_customer_has_no_retention_date_and_is_not_listed()
    {
        var id = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());

        var retention = await As(Admin).ForCustomerAsync(id);

        Assert.Null(retention!.Basis.RetainUntil);
        Assert.Equal("No retention date while 1 account is open", retention.Basis.Describe());
        Assert.Empty(await As(Admin).ListAsync());
    }

    [Fact]
    public async Task A_purge_removes_every_personal_row_and_file_and_keeps_a_tombstone()
    {
        var (id, upload) = await ClosedCustomerAsync();
        await db.Get<UploadStore>().Open(upload).DisposeAsync();
        Assert.True(await RowsAboutAsync(id) > 5);
        PastRetention();

        var outcome = await As(Admin).PurgeAsync(id);

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal(0, await RowsAboutAsync(id));
        Assert.Throws<FileNotFoundException>(() => db.Get<UploadStore>().Open(upload));
        var tombstone = await As(Approver).TombstoneAsync(id);
        Assert.NotNull(tombstone);
        Assert.Equal(Admin, tombstone.PurgedBy);
        Assert.Equal(db.UtcNow, tombstone.PurgedAtUtc);
        Assert.Equal(new DateOnly(2028, 6, 15), tombstone.RetainedUntil);
        Assert.Equal("2 years after the last account closure (2026-06-15)", tombstone.Basis);
        Assert.Null(await db.Get<CustomerQueries>().GetAsync(id));
    }

    [Fact]
    public async Task After_a_purge_the_chain_verifies_and_the_subject_s_personal_values_can_no_longer_be_read()
    {
        var (id, _) = await ClosedCustomerAsync();
        var audit = db.Get<AuditService>();
        var before = await audit.ForSubjectAsync(id.ToString(), 1000);
        Assert.Contains(before.SelectMany(r => r.Changes), c => c.New == Name);
        Assert.Contains(before.SelectMany(r => r.Changes), c => c.New == Email);
        PastRetention();

        var outcome = await As(Admin).PurgeAsync(id);

        Assert.True(outcome.Ok, outcome.Message);
        var verification = await audit.VerifyAsync();
        Assert.True(verification.Ok, $"chain broken at {verification.FirstBrokenSequence}");
        var after = await audit.ForSubjectAsync(id.ToString(), 1000);
        Assert.True(after.Count > before.Count);
        var values = after.SelectMany(r => r.Changes).SelectMany(c => new[] { c.Old, c.New }).ToList();
        Assert.DoesNotContain(Name, values);
        Assert.DoesNotContain(Email, values);
        Assert.Contains(SubjectKeyring.Erased, values);
        // Not even the stored bytes hold them in clear: they were encrypted, and the key is gone.
        var stored = await db.AuditEntriesAsync();
        Assert.DoesNotContain(stored, e => e.ChangesJson.Contains("Nordlicht", StringComparison.OrdinalIgnoreCase) || e.ChangesJson.Contains(Email));
        await using var ctx = db.NewContext();
        var key = await ctx.SubjectKeys.SingleAsync(k => k.SubjectId == id.ToString());
        Assert.Null(key.WrappedKey);
        Assert.NotNull(key.DestroyedAtUtc);
    }

    [Fact]
    public async Task A_legal_hold_refuses_the_purge_until_it_is_released_and_each_step_is_audited()
    {
        var (id, _) = await ClosedCustomerAsync();
        PastRetention();
        var placed = await As(Approver).PlaceHoldAsync(id, "Grand-jury subpoena 26-GJ-0031");
        Assert.True(placed.Ok, placed.Message);

        var refused = await As(Admin).PurgeAsync(id);

        Assert.True(refused.Refused);
        Assert.Equal("legalHold", refused.Findings.Single().Code);
        Assert.Contains("Grand-jury subpoena 26-GJ-0031", refused.Message);
        Assert.NotNull(await db.Get<CustomerQueries>().GetAsync(id));
        Assert.Null(await As(Admin).TombstoneAsync(id));

        var released = await As(Approver).ReleaseHoldAsync(placed.Id!.Value, placed.Version!.Value, "Matter closed by counsel");
        Assert.True(released.Ok, released.Message);
        var purged = await As(Admin).PurgeAsync(id);
        Assert.True(purged.Ok, purged.Message);

        var entries = await db.AuditEntriesAsync();
        Assert.Contains(entries, e => e is { Action: "create", EntityType: "LegalHold", Actor: Approver } && e.ChangesJson.Contains("26-GJ-0031"));
        Assert.Contains(entries, e => e is { Action: "update", EntityType: "LegalHold", Actor: Approver } && e.ChangesJson.Contains("Matter closed by counsel"));
        Assert.Contains(entries, e => e is { Action: "purge", EntityType: "Customer", Actor: Admin } && e.SubjectId == id.ToString());
        Assert.Contains(entries, e => e is { Action: "create", EntityType: "CustomerTombstone", Actor: Admin });
        // The hold's record outlives the purge.
        await using var ctx = db.NewContext();
        Assert.Equal("Matter closed by counsel", (await ctx.LegalHolds.SingleAsync(h => h.CustomerId == id)).ReleaseReason);
    }

    [Fact]
    public async Task A_hold_needs_a_reason_and_a_second_active_hold_is_refused()
    {
        var (id, _) = await ClosedCustomerAsync();

        var missing = await As(Approver).PlaceHoldAsync(id, "  ");
        var first = await As(Approver).PlaceHoldAsync(id, "Litigation hold, matter 2026-114");
        var second = await As(Admin).PlaceHoldAsync(id, "Another matter");

        Assert.Equal("reason", missing.Findings.Single().Field);
        Assert.True(first.Ok, first.Message);
        Assert.True(second.Refused);
        Assert.Equal("Litigation hold, matter 2026-114", (await As(Admin).ForCustomerAsync(id))!.ActiveHold!.Reason);
    }

    [Fact]
    public async Task Placing_and_releasing_a_hold_note_it_on_the_customer_s_timeline_and_change_the_customer_s_version()
    {
        var (id, _) = await ClosedCustomerAsync();
        var queries = db.Get<CustomerQueries>();
        var before = (await queries.GetAsync(id))!.Version;

        var placed = await As(Approver).PlaceHoldAsync(id, "Matter 2026-7");
        var held = (await queries.GetAsync(id))!;
        var released = await As(Approver).ReleaseHoldAsync(placed.Id!.Value, placed.Version!.Value, "Matter closed");

        Assert.True(released.Ok, released.Message);
        Assert.NotEqual(before, held.Version);
        var after = (await queries.GetAsync(id))!;
        Assert.NotEqual(held.Version, after.Version);
        Assert.Contains(after.History, h => h.Note == "Legal hold placed: Matter 2026-7" && h.By == Approver);
        Assert.Contains(after.History, h => h.Note == "Legal hold released: Matter closed");
    }

    [Fact]
    public async Task A_record_not_yet_past_its_retention_date_is_refused_even_on_that_date()
    {
        var (id, _) = await ClosedCustomerAsync();
        db.Clock.Advance(TimeSpan.FromDays(730)); // 2028-06-14, the day before the retention date
        var early = await As(Admin).PurgeAsync(id);
        db.Clock.Advance(TimeSpan.FromDays(1)); // 2028-06-15: the last day the record is kept

        var onTheDate = await As(Admin).PurgeAsync(id);

        Assert.Equal("notPurgeable", early.Findings.Single().Code);
        Assert.Equal("notPurgeable", onTheDate.Findings.Single().Code);
        Assert.Contains("Kept until 2028-06-15", onTheDate.Message);
        Assert.NotNull(await db.Get<CustomerQueries>().GetAsync(id));
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await As(Admin).PurgeAsync(id)).Ok);
    }

    [Fact]
    public async Task An_open_customer_cannot_be_purged()
    {
        var id = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        db.Clock.Advance(TimeSpan.FromDays(3650));

        var outcome = await As(Admin).PurgeAsync(id);

        Assert.True(outcome.Refused);
        Assert.Equal("notPurgeable", outcome.Findings.Single().Code);
        Assert.NotNull(await db.Get<CustomerQueries>().GetAsync(id));
    }

    [Fact]
    public async Task The_daily_job_lists_newly_purgeable_records_for_the_deadline_board_and_never_purges()
    {
        var (id, _) = await ClosedCustomerAsync();
        var job = db.As<RetentionService>(RetentionJob.ActorName);
        Assert.Equal((0, 0), await job.ListPurgeableAsync());
        db.Clock.Advance(TimeSpan.FromDays(729)); // 2028-06-13: two days left

        await using (var ctx = db.NewContext())
        {
            var soon = Assert.Single(await RetentionService.ClocksAsync(ctx, new DateOnly(2028, 6, 13), db.Get<TimeZoneInfo>()));
            Assert.Equal(new RetentionClock("Retention ends", id, Name, new DateOnly(2028, 6, 15), false, $"/customers/{id}"), soon);
        }
        db.Clock.Advance(TimeSpan.FromDays(4)); // 2028-06-17

        var first = await job.ListPurgeableAsync();
        var second = await job.ListPurgeableAsync();

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 0), second);
        Assert.NotNull(await db.Get<CustomerQueries>().GetAsync(id));
        var row = Assert.Single(await As(Admin).ListAsync());
        Assert.Equal(new DateOnly(2028, 6, 16), row.ListedSince);
        await using (var ctx = db.NewContext())
        {
            var clock = Assert.Single(await RetentionService.ClocksAsync(ctx, new DateOnly(2028, 6, 17), db.Get<TimeZoneInfo>()));
            Assert.Equal("Retention ended: purge or place a legal hold", clock.What);
            Assert.Equal(new DateOnly(2028, 6, 15), clock.DueDate);
        }
        var row2 = Assert.Single((await db.Get<DeadlineService>().BoardAsync(new DeadlineFilter())).Rows, r => r.Item.Kind == RetentionDeadlines.Kind);
        Assert.Equal((Name, new DateOnly(2028, 6, 15), DeadlineState.Overdue, $"/customers/{id}"), (row2.Item.What, row2.Item.DueDate, row2.Standing.State, row2.Item.Href));
        Assert.Contains(await db.AuditEntriesAsync(), e => e is { Action: "create", EntityType: "PurgeCandidate", Actor: RetentionJob.ActorName });
    }

    [Fact]
    public async Task A_purge_tolerates_an_evidence_file_already_gone()
    {
        var (id, upload) = await ClosedCustomerAsync();
        db.Get<UploadStore>().Delete(upload);
        PastRetention();

        var outcome = await As(Admin).PurgeAsync(id);

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal(0, await RowsAboutAsync(id));
    }

    [Fact]
    public async Task A_purged_record_cannot_be_purged_or_held_again()
    {
        var (id, _) = await ClosedCustomerAsync();
        PastRetention();
        Assert.True((await As(Admin).PurgeAsync(id)).Ok);

        var again = await As(Admin).PurgeAsync(id);
        var hold = await As(Admin).PlaceHoldAsync(id, "Late request");

        Assert.Equal("purged", again.Findings.Single().Code);
        Assert.Equal("notFound", hold.Findings.Single().Code);
    }
}
