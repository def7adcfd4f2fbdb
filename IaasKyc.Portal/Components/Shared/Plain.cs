using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// Markup that looks like MudBlazor's without a component instance: for parts of every page (the navigation) and long lists,
/// where each instance would stay in every circuit's memory (ADR 0006, docs/performance.md "Memory per circuit").
/// </summary>
public static class Plain
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Text for markup written as a string (a list row as one render-tree frame): &lt; &gt; &amp; quotes and characters a browser
    /// could misread are encoded, so a value shows as text in an element or a double-quoted attribute, never as markup.
    /// </summary>
    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    private static readonly ConcurrentDictionary<(string Icon, string? CssClass), MarkupString> Icons = new();

    /// <summary>
    /// An icon as MudBlazor renders it, as one markup frame: <paramref name="icon"/> is one of MudBlazor's <c>Icons</c> (SVG
    /// content) and <paramref name="cssClass"/> a class the code names, so the markup is made once per pair and shared.
    /// </summary>
    public static MarkupString Icon(string icon, string? cssClass = null) => Icons.GetOrAdd((icon, cssClass), static key => new(
        $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-medium{(key.CssClass is null ? "" : " " + key.CssClass)}" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{key.Icon}</svg>"""));
}
