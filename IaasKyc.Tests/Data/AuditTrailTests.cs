using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Data;

public sealed class AuditTrailTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private AuditService Audit => db.Get<AuditService>();

    [Fact]
    public async Task A_change_and_its_audit_entry_commit_together()
    {
        var key = Make.ApiKey(name: "Billing export");

        await using (var context = db.NewContext())
        {
            context.ApiKeys.Add(key);
            await context.SaveChangesAsync(ct);
        }

        var entry = Assert.Single(await db.AuditEntriesAsync());
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(("create", "ApiKey", key.Id.ToString(), ServiceTestDb.Actor), (entry.Action, entry.EntityType, entry.EntityId, entry.Actor));
        Assert.Equal(db.UtcNow, entry.AtUtc);
        Assert.Contains(AuditChanges.Deserialize(entry.ChangesJson), c => c == new FieldChange("Name", null, "Billing export"));
        await using var check = db.NewContext();
        Assert.Equal("Billing export", (await check.ApiKeys.SingleAsync(ct)).Name);
        var head = await check.AuditHeads.SingleAsync(ct);
        Assert.Equal((1L, entry.Hash), (head.Sequence, head.Hash));
    }

    // A real clock has 100 ns ticks; PostgreSQL keeps microseconds. An entry hashed with the ticks read back different,
    // and the whole chain failed verification on PostgreSQL (issue 10).
    [Fact]
    public async Task An_entry_made_at_a_time_finer_than_a_microsecond_still_verifies_after_the_round_trip()
    {
        db.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        await AddKeyAsync("Billing export");
        db.Clock.Advance(TimeSpan.FromTicks(9));
        await AddKeyAsync("Payroll export");

        var entries = await db.AuditEntriesAsync();
        Assert.All(entries, e => Assert.Equal(0, e.AtUtc.Ticks % TimeSpan.TicksPerMicrosecond));
        Assert.Equal(new ChainVerification(true, 2, null), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task An_update_records_the_old_and_new_value_of_each_changed_field_only()
    {
        var key = await AddKeyAsync("Billing export");

        await using (var context = db.NewContext())
        {
            var stored = await context.ApiKeys.SingleAsync(ct);
            stored.Name = "Payroll export";
            await context.SaveChangesAsync(ct);
        }

        var entry = (await db.AuditEntriesAsync())[^1];
        Assert.Equal(("update", key.Id.ToString()), (entry.Action, entry.EntityId));
        Assert.Equal([new FieldChange("Name", "Billing export", "Payroll export")], AuditChanges.Deserialize(entry.ChangesJson));
    }

    [Fact]
    public async Task Every_save_stamps_a_new_version_on_an_editable_entity()
    {
        var key = await AddKeyAsync();
        var created = key.Version;

        await using (var context = db.NewContext())
        {
            (await context.ApiKeys.SingleAsync(ct)).Name = "Payroll export";
            await context.SaveChangesAsync(ct);
        }

        await using var check = db.NewContext();
        var updated = (await check.ApiKeys.SingleAsync(ct)).Version;
        Assert.NotEqual(Guid.Empty, created);
        Assert.NotEqual(created, updated);
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_entry_nor_change_and_a_retry_keeps_the_chain_gap_free()
    {
        await AddKeyAsync("Billing export");
        await using var stale = db.NewContext();
        var staleKey = await stale.ApiKeys.SingleAsync(ct);
        await using (var other = db.NewContext())
        {
            (await other.ApiKeys.SingleAsync(ct)).Name = "Changed by someone else";
            await other.SaveChangesAsync(ct);
        }

        staleKey.Name = "Stale change";
        var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(ct));

        var afterFailure = await db.AuditEntriesAsync();
        Assert.Equal([1L, 2L], afterFailure.Select(e => e.Sequence));
        await using (var check = db.NewContext())
        {
            Assert.Equal("Changed by someone else", (await check.ApiKeys.SingleAsync(ct)).Name);
            Assert.Equal(2, (await check.AuditHeads.SingleAsync(ct)).Sequence);
        }

        await failure.Entries.Single().ReloadAsync(ct);
        staleKey.Name = "Retried change";
        await stale.SaveChangesAsync(ct);

        var entries = await db.AuditEntriesAsync();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(new FieldChange("Name", "Changed by someone else", "Retried change"), Assert.Single(AuditChanges.Deserialize(entries[2].ChangesJson)));
        Assert.Equal(new ChainVerification(true, 3, null), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task A_concurrency_conflict_in_a_synchronous_save_does_not_block_later_saves()
    {
        await AddKeyAsync("Billing export");
        await using var stale = db.NewContext();
        var staleKey = await stale.ApiKeys.SingleAsync(ct);
        await using (var other = db.NewContext())
        {
            (await other.ApiKeys.SingleAsync(ct)).Name = "Changed by someone else";
            await other.SaveChangesAsync(ct);
        }
        staleKey.Name = "Stale change";
        Assert.Throws<DbUpdateConcurrencyException>(() => stale.SaveChanges());

        await AddKeyAsync("Payroll export").WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal([1L, 2L, 3L], (await db.AuditEntriesAsync()).Select(e => e.Sequence));
        Assert.True((await Audit.VerifyAsync(ct: ct)).Ok);
    }

    [Fact]
    public async Task An_audit_event_of_a_failed_save_is_still_written_when_the_save_is_retried()
    {
        await AddKeyAsync("Billing export");
        await using var stale = db.NewContext();
        var staleKey = await stale.ApiKeys.SingleAsync(ct);
        await using (var other = db.NewContext())
        {
            (await other.ApiKeys.SingleAsync(ct)).Name = "Changed by someone else";
            await other.SaveChangesAsync(ct);
        }
        stale.AuditEvent("rotate", "ApiKey", staleKey.Id.ToString(), new FieldChange("reason", null, "scheduled"));
        staleKey.Name = "Stale change";
        var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(ct));

        await failure.Entries.Single().ReloadAsync(ct);
        staleKey.Name = "Retried change";
        await stale.SaveChangesAsync(ct);

        var entries = await db.AuditEntriesAsync();
        Assert.Equal(["create", "update", "update", "rotate"], entries.Select(e => e.Action));
        Assert.True((await Audit.VerifyAsync(ct: ct)).Ok);
    }

    [Fact]
    public async Task Changing_an_old_entry_s_actor_through_SQL_is_detected_at_its_sequence()
    {
        await AddKeysAsync(5);

        await Sql("UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 2");

        Assert.Equal(new ChainVerification(false, 1, 2), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task Changing_an_old_entry_s_changes_through_SQL_is_detected_at_its_sequence()
    {
        await AddKeysAsync(5);

        await Sql("UPDATE \"AuditEntries\" SET \"ChangesJson\" = replace(\"ChangesJson\", 'Key 3', 'Key 9') WHERE \"Sequence\" = 3");

        Assert.Contains("Key 9", (await db.AuditEntriesAsync())[2].ChangesJson);
        Assert.Equal(new ChainVerification(false, 2, 3), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task Deleting_a_middle_entry_through_SQL_is_detected_at_its_sequence()
    {
        await AddKeysAsync(5);

        await Sql("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");

        Assert.Equal(new ChainVerification(false, 2, 3), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task Swapping_two_entries_contents_through_SQL_is_detected_at_the_first_of_them()
    {
        await AddKeysAsync(5);

        await Sql("UPDATE \"AuditEntries\" SET \"Sequence\" = -2 WHERE \"Sequence\" = 2");
        await Sql("UPDATE \"AuditEntries\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 4");
        await Sql("UPDATE \"AuditEntries\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -2");

        Assert.Equal(new ChainVerification(false, 1, 2), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task Deleting_the_last_entry_through_SQL_is_detected_against_the_head()
    {
        await AddKeysAsync(5);

        await Sql("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 5");

        Assert.Equal(new ChainVerification(false, 4, 5), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        await AddKeysAsync(5);

        var result = await Audit.VerifyAsync(ct: ct);

        Assert.Equal(new ChainVerification(true, 5, null), result);
    }

    [Fact]
    public async Task An_empty_trail_verifies()
    {
        var result = await Audit.VerifyAsync(ct: ct);

        Assert.Equal(new ChainVerification(true, 0, null), result);
    }

    [Fact]
    public async Task Personal_values_are_stored_encrypted_but_shown_in_clear_by_the_search()
    {
        var user = Make.User(email: "grace@example.com", displayName: "Grace Hopper");

        await AddUserAsync(user);

        var entry = Assert.Single(await db.AuditEntriesAsync());
        Assert.Equal(user.Id, entry.SubjectId);
        Assert.DoesNotContain("grace@example.com", entry.ChangesJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Grace Hopper", entry.ChangesJson, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SubjectKeyring.PersonalPrefix, entry.ChangesJson);
        var row = Assert.Single((await Audit.SearchAsync(new AuditFilter(EntityType: "User"), 0, 10, ct)).Rows);
        Assert.Equal("grace@example.com", New(row, "Email"));
        Assert.Equal("GRACE@EXAMPLE.COM", New(row, "NormalizedEmail"));
        Assert.Equal("Grace Hopper", New(row, "DisplayName"));
    }

    [Fact]
    public async Task Destroying_a_subject_s_key_erases_its_personal_values_while_the_chain_still_verifies()
    {
        var user = Make.User(email: "grace@example.com");
        var other = Make.User(email: "alan@example.com", displayName: "Alan Turing");
        await AddUserAsync(user);
        await AddUserAsync(other);

        await using (var context = db.NewContext())
        {
            await db.Get<SubjectKeyring>().DestroyAsync(context, user.Id, db.UtcNow, ct);
            context.AuditEvent("purge", "User", user.Id);
            await context.SaveChangesAsync(ct);
        }

        var rows = (await Audit.SearchAsync(new AuditFilter(EntityType: "User", Action: "create"), 0, 10, ct)).Rows;
        Assert.Equal(SubjectKeyring.Erased, New(rows.Single(r => r.EntityId == user.Id), "Email"));
        Assert.Equal(SubjectKeyring.Erased, New(rows.Single(r => r.EntityId == user.Id), "DisplayName"));
        Assert.Equal("alan@example.com", New(rows.Single(r => r.EntityId == other.Id), "Email"));
        Assert.Equal(new ChainVerification(true, 3, null), await Audit.VerifyAsync(ct: ct));
    }

    [Fact]
    public async Task A_key_read_while_its_destruction_is_pending_is_forgotten_once_the_destruction_is_saved()
    {
        var user = Make.User(email: "grace@example.com");
        await AddUserAsync(user);
        await using var context = db.NewContext();
        await db.Get<SubjectKeyring>().DestroyAsync(context, user.Id, db.UtcNow, ct);
        var beforeSave = (await Audit.SearchAsync(new AuditFilter(EntityType: "User"), 0, 10, ct)).Rows.Single();

        await context.SaveChangesAsync(ct);

        var afterSave = (await Audit.SearchAsync(new AuditFilter(EntityType: "User"), 0, 10, ct)).Rows.Single();
        Assert.Equal("grace@example.com", New(beforeSave, "Email"));
        Assert.Equal(SubjectKeyring.Erased, New(afterSave, "Email"));
    }

    [Fact]
    public async Task Personal_values_written_after_the_key_is_destroyed_are_erased_too()
    {
        var user = Make.User(email: "grace@example.com");
        await AddUserAsync(user);
        await using (var context = db.NewContext())
        {
            await db.Get<SubjectKeyring>().DestroyAsync(context, user.Id, db.UtcNow, ct);
            await context.SaveChangesAsync(ct);
        }

        await using (var context = db.NewContext())
        {
            (await context.Users.SingleAsync(ct)).DisplayName = "Grace B. Hopper";
            await context.SaveChangesAsync(ct);
        }

        var entry = (await db.AuditEntriesAsync())[^1];
        Assert.DoesNotContain("Hopper", entry.ChangesJson);
        Assert.Equal(new FieldChange("DisplayName", SubjectKeyring.Erased, SubjectKeyring.Erased), AuditChanges.Deserialize(entry.ChangesJson).Single());
    }

    [Fact]
    public async Task A_bulk_operation_writes_one_entry_with_the_count_and_the_sha256_of_its_payload()
    {
        var payload = Encoding.UTF8.GetBytes("name,scopes\nA,audit\nB,audit\nC,audit\n");

        await using (var context = db.NewContext())
        {
            context.ApiKeys.AddRange(Make.ApiKey("A"), Make.ApiKey("B"), Make.ApiKey("C"));
            context.AuditBulk<ApiKey>("import", "ApiKeyImport", "batch-1", null, 3, payload);
            await context.SaveChangesAsync(ct);
        }

        var entry = Assert.Single(await db.AuditEntriesAsync());
        Assert.Equal(("import", "ApiKeyImport", "batch-1"), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Equal(
            [new FieldChange("count", null, "3"), new FieldChange("sha256", null, Convert.ToHexStringLower(SHA256.HashData(payload)))],
            AuditChanges.Deserialize(entry.ChangesJson));
        await using var check = db.NewContext();
        Assert.Equal(3, await check.ApiKeys.CountAsync(ct));
        Assert.True((await Audit.VerifyAsync(ct: ct)).Ok);
    }

    [Fact]
    public async Task After_a_bulk_save_later_changes_in_the_same_context_are_audited_one_by_one()
    {
        await using var context = db.NewContext();
        context.ApiKeys.AddRange(Make.ApiKey("A"), Make.ApiKey("B"));
        context.AuditBulk<ApiKey>("import", "ApiKeyImport", "batch-1", null, 2, "A\nB\n"u8);
        await context.SaveChangesAsync(ct);

        context.ApiKeys.Add(Make.ApiKey("C"));
        await context.SaveChangesAsync(ct);

        Assert.Equal(["import", "create"], (await db.AuditEntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task An_audit_event_writes_one_entry_without_changing_a_row()
    {
        await using (var context = db.NewContext())
        {
            context.AuditEvent("export", "AuditTrail", "2026-06", new FieldChange("rows", null, "120"));
            await context.SaveChangesAsync(ct);
        }

        var entry = Assert.Single(await db.AuditEntriesAsync());
        Assert.Equal(("export", "AuditTrail", "2026-06", ServiceTestDb.Actor), (entry.Action, entry.EntityType, entry.EntityId, entry.Actor));
    }

    [Fact]
    public async Task A_user_s_password_hash_and_security_stamp_are_masked()
    {
        var user = Make.User(passwordHash: "AQAAAAIAAYagAAAAEFakeHashValue0123456789");

        await AddUserAsync(user);

        var entry = Assert.Single(await db.AuditEntriesAsync());
        var changes = AuditChanges.Deserialize(entry.ChangesJson);
        Assert.Equal(new FieldChange("PasswordHash", null, AuditPolicy.Masked), changes.Single(c => c.Field == "PasswordHash"));
        Assert.Equal(new FieldChange("SecurityStamp", null, AuditPolicy.Masked), changes.Single(c => c.Field == "SecurityStamp"));
        Assert.DoesNotContain("FakeHashValue", entry.ChangesJson);
        Assert.DoesNotContain(user.SecurityStamp!, entry.ChangesJson);
        Assert.DoesNotContain(changes, c => c.Field == "ConcurrencyStamp");
    }

    [Fact]
    public async Task An_api_key_s_hash_is_masked_on_create_and_update()
    {
        var key = await AddKeyAsync();
        var oldHash = key.Hash;

        await using (var context = db.NewContext())
        {
            (await context.ApiKeys.SingleAsync(ct)).Hash = ApiKeyService.HashOf("iak_rotated-secret-value");
            await context.SaveChangesAsync(ct);
        }

        var entries = await db.AuditEntriesAsync();
        Assert.Equal(new FieldChange("Hash", null, AuditPolicy.Masked), AuditChanges.Deserialize(entries[0].ChangesJson).Single(c => c.Field == "Hash"));
        Assert.Equal([new FieldChange("Hash", AuditPolicy.Masked, AuditPolicy.Masked)], AuditChanges.Deserialize(entries[1].ChangesJson));
        Assert.All(entries, e => Assert.DoesNotContain(oldHash, e.ChangesJson));
        Assert.All(entries, e => Assert.DoesNotContain(ApiKeyService.HashOf("iak_rotated-secret-value"), e.ChangesJson));
    }

    [Fact]
    public async Task The_search_filters_by_calendar_day_in_New_York()
    {
        // 23:30 on 15 June in New York is 03:30 on 16 June in UTC.
        db.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 3, 30, 0, TimeSpan.Zero));
        await AddKeyAsync("Late evening");
        db.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 4, 30, 0, TimeSpan.Zero));
        await AddKeyAsync("Just after midnight");

        var june15 = await Audit.SearchAsync(new AuditFilter(From: new DateOnly(2026, 6, 15), To: new DateOnly(2026, 6, 15)), 0, 10, ct);
        var june16 = await Audit.SearchAsync(new AuditFilter(From: new DateOnly(2026, 6, 16)), 0, 10, ct);

        Assert.Equal([1L], june15.Rows.Select(r => r.Sequence));
        Assert.Equal([2L], june16.Rows.Select(r => r.Sequence));
    }

    private static string? New(AuditRow row, string field) => row.Changes.Single(c => c.Field == field).New;

    private async Task Sql(string sql)
    {
        await using var context = db.NewContext();
        await context.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private async Task<ApiKey> AddKeyAsync(string name = "Billing export")
    {
        var key = Make.ApiKey(name);
        await using var context = db.NewContext();
        context.ApiKeys.Add(key);
        await context.SaveChangesAsync(ct);
        return key;
    }

    private async Task AddKeysAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            db.Clock.Advance(TimeSpan.FromMinutes(1));
            await AddKeyAsync($"Key {i}");
        }
    }

    private async Task AddUserAsync(PortalUser user)
    {
        await using var context = db.NewContext();
        context.Users.Add(user);
        await context.SaveChangesAsync(ct);
    }
}
