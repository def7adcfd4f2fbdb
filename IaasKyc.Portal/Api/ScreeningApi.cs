using IaasKyc.Domain;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Http.Features;

namespace IaasKyc.Portal.Api;

/// <summary>List imports and name search (issue 5, item 7; api.md "Lists as files").</summary>
public static class ScreeningApi
{
    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder v1)
    {
        foreach (var source in Enum.GetValues<ListSource>())
        {
            var files = string.Join(", ", source.FileNames().Select(n => $"`{n}`"));
            v1.MapPost($"/lists/{source.Code()}", (HttpContext http, ListImportService service, CancellationToken ct) => ImportAsync(source, http, service, ct))
                .RequireAuthorization(Policies.ApiScope(ApiScopes.Lists))
                .AcceptsBody<IFormFile>("multipart/form-data")
                .Produces<SnapshotResponse>(StatusCodes.Status201Created)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .WithName($"Import{source}")
                .WithSummary($"Imports the {source.Title()} as a new active snapshot.")
                .WithDescription($"Multipart form with the file(s) {files}. 201 with the snapshot `{{ \"id\", \"source\", \"entries\", \"aliases\", \"files\": [ {{ \"name\", \"sha256\" }} ] }}`. " +
                    "A malformed file is refused whole: 400 with `errors` keyed by the file's field name, giving the line and the reason; the previous snapshot stays active. " +
                    "Every customer is screened again in the background.");
        }

        v1.MapGet("/lists", async (ListImportService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ActiveAsync(ct)).Select(SnapshotResponse.From).ToList()))
            .RequireAuthorization(Policies.ApiScope(ApiScopes.Lists))
            .WithName("ActiveLists")
            .WithSummary("The active snapshot of each list.");

        v1.MapGet("/screening/search", Search)
            .RequireAuthorization(Policies.ApiScope(ApiScopes.Screening))
            .Produces<SearchResponse>()
            .ProducesValidationProblem()
            .WithName("ScreeningSearch")
            .WithSummary("Screens a name against the active lists.")
            .WithDescription("`name` (required, at most 400 characters), `type` (`individual` or `entity`), `country` (ISO 3166-1 alpha-2), `limit` (1–100, default 10). " +
                "Answers `{ \"threshold\", \"matches\": [ { \"source\", \"entryId\", \"name\", \"matchedName\", \"score\", \"type\", \"programs\", \"explanation\" } ] }`, best first, scores 0 to 1.");
        return v1;
    }

    private static async Task<IResult> ImportAsync(ListSource source, HttpContext http, ListImportService service, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return ApiProblems.Invalid(source.FileNames().Select(n => new Finding("list.multipart", $"Send the file {n} as the form field {n} of a multipart/form-data body.", n)));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = ListImportService.MaxFileBytes * source.FileNames().Count + 1024 * 1024;

        var form = await http.Request.ReadFormAsync(ct);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            if (file.Length > ListImportService.MaxFileBytes)
            {
                return TypedResults.Problem(title: "A file is too large; nothing was imported.",
                    detail: $"{file.Name} is over {ListImportService.MaxFileBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            files[file.Name] = buffer.ToArray();
        }
        var result = await service.ImportAsync(source, files, ct: ct);
        return result.Snapshot is { } s
            ? TypedResults.Created($"/api/v1/lists", SnapshotResponse.From(s))
            : ApiProblems.Invalid(result.Findings);
    }

    // limit arrives as a string, so that "abc" or 1e400 is a finding at "limit", not a binding failure naming nothing.
    private static IResult Search(string? name, string? type, string? country, string? limit, ScreeningIndexHolder holder)
    {
        var f = new List<Finding>();
        if (string.IsNullOrWhiteSpace(name)) f.Add(new("name.required", "Give the name to screen.", "name"));
        else if (name.Length > 400) f.Add(new("name.tooLong", "A name has at most 400 characters.", "name"));
        ListEntryType? entryType = type?.ToLowerInvariant() switch
        {
            null or "" => null,
            "individual" => ListEntryType.Individual,
            "entity" => ListEntryType.Entity,
            _ => Bad(f, "type", "type.invalid", "Use individual or entity."),
        };
        var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (code is not null && !IaasKyc.Domain.Customers.Countries.IsCountry(code))
            f.Add(new("country.invalid", "Give an ISO 3166-1 alpha-2 country code (for example RU).", "country"));
        int? max = null;
        if (!string.IsNullOrEmpty(limit))
        {
            if (int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100) max = n;
            else f.Add(new("limit.range", "The limit is a whole number from 1 to 100.", "limit"));
        }
        if (f.Count > 0) return ApiProblems.Invalid(f);

        var hits = holder.Current.Index.Search(new ScreeningQuery(name!.Trim(), entryType, code), ScreeningIndex.DefaultThreshold, max ?? 10);
        return TypedResults.Ok(new SearchResponse(ScreeningIndex.DefaultThreshold,
            [.. hits.Select(h => new MatchResponse(h.Entry.Source.Code(), h.Entry.EntryId, h.Entry.Name, h.MatchedName, Math.Round(h.Score, 4),
                h.Entry.Type.Code(), h.Entry.Programs, h.Explanation.Text))]));
    }

    private static ListEntryType? Bad(List<Finding> f, string field, string code, string message)
    {
        f.Add(new(code, message, field));
        return null;
    }
}

public sealed record FileDigestResponse(string Name, string Sha256);

public sealed record SnapshotResponse(Guid Id, string Source, int Entries, int Aliases, DateTime ImportedAt, string ImportedBy, IReadOnlyList<FileDigestResponse> Files)
{
    public static SnapshotResponse From(SnapshotView s) => new(s.Id, s.Source.Code(), s.Entries, s.Aliases, s.ImportedAtUtc, s.ImportedBy,
        [.. s.Files.Select(f => new FileDigestResponse(f.Name, f.Sha256))]);
}

public sealed record MatchResponse(string Source, string EntryId, string Name, string MatchedName, double Score, string Type, IReadOnlyList<string> Programs, string Explanation);

public sealed record SearchResponse(double Threshold, IReadOnlyList<MatchResponse> Matches);
