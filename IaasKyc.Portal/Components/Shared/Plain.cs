using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// Markup that looks like MudBlazor's without a component instance: for parts of every page (the navigation) and long lists,
/// where each instance would stay in every circuit's memory (ADR 0006, docs/performance.md "Memory per circuit").
/// </summary>
public static class Plain
{
    /// <summary>An icon as MudBlazor renders it: <paramref name="icon"/> is one of MudBlazor's <c>Icons</c> (SVG content).</summary>
    public static RenderFragment Icon(string icon, string? cssClass = null) => builder => Icon(builder, icon, cssClass);

    public static void Icon(RenderTreeBuilder builder, string icon, string? cssClass = null)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass is null ? "mud-icon-root mud-svg-icon mud-icon-size-medium" : $"mud-icon-root mud-svg-icon mud-icon-size-medium {cssClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    }
}
