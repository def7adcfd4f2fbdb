using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class AttestationTemplateServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public static TemplateInput Standard() => new(StandardAttestation.Introduction, StandardAttestation.Clauses.ToDictionary(c => c.Key, c => (string?)c.Value));

    [Fact]
    public async Task The_standard_text_covers_every_clause_and_renders_the_default_rule_pack_numbers()
    {
        var drafted = await db.As<AttestationService>("officer@example.test").DraftAsync(Standard());

        Assert.True(drafted.Ok, drafted.Message);
        var v1 = Assert.Single(await db.Get<AttestationService>().TemplatesAsync());
        Assert.Equal(("v1", "Draft"), (v1.Label, v1.State));
        Assert.Contains("for 2 years after", v1.Preview);
        Assert.Contains("within 15 days", v1.Preview);
        Assert.Contains("within 10 days of a request", v1.Preview);
    }

    [Fact]
    public async Task A_draft_missing_a_clause_is_refused_at_that_clause_and_nothing_is_stored()
    {
        var input = Standard();
        var clauses = input.Clauses.ToDictionary(c => c.Key, c => c.Value);
        clauses["aiTrainingReports"] = "";

        var outcome = await db.Get<AttestationService>().DraftAsync(input with { Clauses = clauses });

        Assert.Equal("clauses.aiTrainingReports", Assert.Single(outcome.Findings).Field);
        Assert.Empty(await db.Get<AttestationService>().TemplatesAsync());
    }

    [Fact]
    public async Task The_author_is_refused_approval_and_another_approver_approves()
    {
        var drafted = await db.As<AttestationService>("lead@example.test").DraftAsync(Standard());

        var own = await db.As<AttestationService>("lead@example.test").ApproveAsync(drafted.Id!.Value, drafted.Version!.Value);
        var other = await db.As<AttestationService>("approver@example.test").ApproveAsync(drafted.Id!.Value, drafted.Version!.Value);

        Assert.True(own.Refused);
        Assert.True(other.Ok, other.Message);
        var v1 = Assert.Single(await db.Get<AttestationService>().TemplatesAsync());
        Assert.Equal(("Approved", "approver@example.test"), (v1.State, v1.ApprovedBy));
    }

    [Fact]
    public async Task Versions_are_numbered_in_order_and_each_keeps_its_own_text()
    {
        var service = db.Get<AttestationService>();
        await service.DraftAsync(Standard());
        await service.DraftAsync(Standard() with { Introduction = "Version two introduction." });

        var all = await service.TemplatesAsync();

        Assert.Equal([2, 1], all.Select(t => t.Number));
        Assert.StartsWith("Version two introduction.", all[0].Preview);
        Assert.StartsWith("The undersigned", all[1].Preview);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
