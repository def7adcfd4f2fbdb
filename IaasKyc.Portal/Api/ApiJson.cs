using System.Collections.Concurrent;
using System.Text.Json;
using IaasKyc.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IaasKyc.Portal.Api;

/// <summary>
/// Reads an API request body as JSON with the portal's options, so that a hostile or broken body is a 400 (or 413)
/// problem naming the offending path, never a 500: syntax errors, a value of the wrong JSON type, duplicated keys.
/// </summary>
public static class ApiJson
{
    /// <summary>api.md: 413 for bodies over this size.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly ConcurrentDictionary<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken ct, int maxBytes = MaxBodyBytes) where T : class
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        if (request.ContentType is { Length: > 0 } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(title: "Send the body as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }

        var options = Strict.GetOrAdd(http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions,
            o => new JsonSerializerOptions(o) { AllowDuplicateProperties = false });
        try
        {
            var value = buffer.Length == 0 ? null : JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null
                ? (null, ApiProblems.Invalid([new Finding("body.required", "Send a JSON object as the request body.", "body")]))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid([new Finding("body.json", Describe(e), PathOf(e))]));
        }
    }

    /// <summary>"$.accounts[0].paymentMeans.type" → "accounts[0].paymentMeans.type" (api.md error keys); the body itself when no path.</summary>
    public static string PathOf(JsonException e)
    {
        var path = e.Path?.TrimStart('$').TrimStart('.') ?? "";
        return path.Length == 0 ? "body" : path;
    }

    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})" : "";
        return e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
            ? $"This property appears more than once{where}: send it once."
            : $"This value is not valid JSON or has the wrong type{where}: check the quotes, commas and types against the API documentation.";
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        title: "The request body is too large.", detail: $"Send at most {maxBytes / 1024} KB per request.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>
/// A request the server could not read (malformed body bound by a minimal API, a body over Kestrel's limit) is the
/// caller's fault: under /api it becomes a problem with the exception's status (400, 413), not a 500.
/// </summary>
public sealed class ApiBadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return false;
        var (status, title) = exception switch
        {
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request could not be read."),
            JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON."),
            _ => (0, ""),
        };
        if (status is < 400 or >= 500) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = "Check the body against the API documentation at /openapi/v1.json; nothing was stored.",
            },
        });
    }
}
