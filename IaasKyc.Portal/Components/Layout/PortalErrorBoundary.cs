using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace IaasKyc.Portal.Components.Layout;

/// <summary>
/// Catches an error inside a page, logs it with a correlation id and shows a plain message with that id,
/// so the circuit survives and nobody sees a stack trace.
/// </summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;

    private string correlationId = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        correlationId = Guid.NewGuid().ToString("N")[..12];
        Logger.LogError(exception, "Unhandled error in a page, correlation id {CorrelationId}", correlationId);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "class", "mud-alert mud-alert-text-error pa-4");
        builder.AddAttribute(3, "role", "alert");
        builder.OpenElement(4, "b");
        builder.AddContent(5, "Something went wrong on our side.");
        builder.CloseElement();
        builder.AddContent(6, $" Nothing you entered was half-saved. Reload the page to continue; if it happens again, quote correlation id {correlationId}.");
        builder.CloseElement();
    }
}
