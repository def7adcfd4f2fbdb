using Bunit;
using Microsoft.AspNetCore.Components;

namespace IaasKyc.Tests.Support;

/// <summary>Reads the both-versions panel (<c>ConcurrencyConflict</c>) of a rendered form.</summary>
public static class ConflictPanel
{
    public static string Cell<T>(IRenderedComponent<T> cut, string field, string side) where T : IComponent =>
        cut.Find($"[data-testid=conflict] tr[data-field='{field}'] [data-testid={side}]").TextContent.Trim();

    /// <summary>One row: the stored value, this user's input, and "differs" marked exactly when the two read differently.</summary>
    public static void Row<T>(IRenderedComponent<T> cut, string field, string theirs, string mine) where T : IComponent
    {
        Assert.Equal(theirs, Cell(cut, field, "theirs"));
        Assert.Equal(mine, Cell(cut, field, "mine"));
        Assert.Equal(theirs == mine ? "false" : "true", cut.Find($"[data-testid=conflict] tr[data-field='{field}']").GetAttribute("data-differs"));
    }
}
