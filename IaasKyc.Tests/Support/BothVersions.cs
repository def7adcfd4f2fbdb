using Bunit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Support;

/// <summary>Reads the "both versions" conflict panel, and saves as another user behind a rendered form's back.</summary>
public static class BothVersions
{
    /// <summary>One side of a compared field: "theirs" (stored now) or "mine" (the input).</summary>
    public static string Cell<T>(this IRenderedComponent<T> cut, string field, string side) where T : IComponent =>
        cut.Find($"[data-testid=conflict] tr[data-field='{field}'] [data-testid={side}]").TextContent.Trim();

    public static bool Differs<T>(this IRenderedComponent<T> cut, string field) where T : IComponent =>
        cut.Find($"[data-testid=conflict] tr[data-field='{field}']").GetAttribute("data-differs") == "true";

    /// <summary>One row: the stored value, this user's input, and "differs" marked exactly when the two read differently.</summary>
    public static void Row<T>(this IRenderedComponent<T> cut, string field, string theirs, string mine) where T : IComponent
    {
        Assert.Equal(theirs, cut.Cell(field, "theirs"));
        Assert.Equal(mine, cut.Cell(field, "mine"));
        Assert.Equal(theirs != mine, cut.Differs(field));
    }

    /// <summary>A change saved through a feature service in a scope of its own, attributed to <paramref name="actor"/>.</summary>
    public static async Task<Outcome> AsAnotherUserAsync<TService>(this IServiceProvider services, string actor, Func<TService, Task<Outcome>> change)
        where TService : notnull
    {
        await using var other = services.CreateAsyncScope();
        other.ServiceProvider.GetRequiredService<AuditActor>().Use(actor);
        var outcome = await change(other.ServiceProvider.GetRequiredService<TService>());
        Assert.True(outcome.Ok, outcome.Message);
        return outcome;
    }
}
