using Bunit;
using IaasKyc.Portal.Components.Shared;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Components;

/// <summary>The comparison a refused save shows: both versions field by field, the differences marked, and the three ways on.</summary>
public sealed class ConcurrencyConflictTests : ComponentTestBase
{
    private static readonly EditConflict Refused = new(
        [
            new ConflictField("Legal name", "Nordlicht Rechenzentrum AG", "Nordlicht Rechenzentrum GmbH"),
            new ConflictField("Other names", null, " "),
            new ConflictField("City", "Berlin", "Berlin "),
            new ConflictField("Document number", "•••••T47", "•••••X99"),
        ],
        "officer2@iaaskyc.example", new DateTime(2026, 11, 29, 14, 5, 0, DateTimeKind.Utc));

    private static string Row(IRenderedComponent<ConcurrencyConflict> cut, string label, string cell) =>
        cut.Find($"tr[data-field='{label}'] [data-testid={cell}]").TextContent.Trim();

    [Fact]
    public void Each_field_shows_the_stored_value_next_to_the_input_and_only_the_differing_ones_are_marked()
    {
        var cut = Render<ConcurrencyConflict>(p => p.Add(c => c.Conflict, Refused));

        Assert.Equal("Nordlicht Rechenzentrum AG", Row(cut, "Legal name", "theirs"));
        Assert.Equal("Nordlicht Rechenzentrum GmbH", Row(cut, "Legal name", "mine"));
        Assert.Equal("(empty)", Row(cut, "Other names", "theirs"));
        Assert.Equal("•••••T47", Row(cut, "Document number", "theirs"));
        Assert.Equal("•••••X99", Row(cut, "Document number", "mine"));
        var marked = cut.FindAll("tr.conflict-differs").Select(r => r.GetAttribute("data-field")).ToList();
        Assert.Equal(["Legal name", "Document number"], marked);
        Assert.Equal(2, cut.FindAll("tr.conflict-differs .mud-chip").Count(c => c.TextContent.Contains("differs")));
        Assert.Equal("false", cut.Find("tr[data-field='City']").GetAttribute("data-differs"));
        Assert.Contains("Saved by officer2@iaaskyc.example at 2026-11-29 09:05 (UTC-05:00)", cut.Find("[data-testid=conflict-by]").TextContent);
    }

    [Fact]
    public void Each_choice_calls_back_its_own_handler()
    {
        var (kept, taken, continued) = (0, 0, 0);
        var cut = Render<ConcurrencyConflict>(p => p.Add(c => c.Conflict, Refused)
            .Add(c => c.KeepMine, () => kept++).Add(c => c.TakeTheirs, () => taken++).Add(c => c.ContinueEditing, () => continued++));

        cut.Find("[data-testid=keep-mine]").Click();
        cut.Find("[data-testid=take-theirs]").Click();
        cut.Find("[data-testid=take-theirs]").Click();
        cut.Find("[data-testid=continue-editing]").Click();

        Assert.Equal((1, 2, 1), (kept, taken, continued));
    }

    [Fact]
    public void Nothing_shows_without_a_conflict_and_the_choices_are_disabled_while_saving()
    {
        var none = Render<ConcurrencyConflict>(p => p.Add(c => c.Conflict, null));
        var saving = Render<ConcurrencyConflict>(p => p.Add(c => c.Conflict, Refused).Add(c => c.Saving, true));

        Assert.Empty(none.FindAll("[data-testid=conflict]"));
        Assert.True(saving.Find("[data-testid=keep-mine]").HasAttribute("disabled"));
        Assert.True(saving.Find("[data-testid=take-theirs]").HasAttribute("disabled"));
    }
}
