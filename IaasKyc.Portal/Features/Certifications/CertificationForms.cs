using System.Globalization;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Components.Shared;

namespace IaasKyc.Portal.Features.Certifications;

/// <summary>The annual statements as typed: each statement's check and comment; a refused save compares them statement by statement.</summary>
public sealed class StatementsInput
{
    public Dictionary<AnnualStatement, bool> Checked { get; } = [];
    public Dictionary<AnnualStatement, string?> Comments { get; } = [];

    public static StatementsInput From(CertificationDetail c)
    {
        var input = new StatementsInput();
        foreach (var s in c.Statements) (input.Checked[s.Statement], input.Comments[s.Statement]) = (s.Checked, s.Comment);
        return input;
    }

    public static EditedRecord<CertificationDetail, StatementsInput> Edit() => new(From,
    [
        .. Enum.GetValues<AnnualStatement>().SelectMany(s => new (string, Func<StatementsInput, string?>)[]
        {
            (CertificationText.Statement(s), f => f.Checked.TryGetValue(s, out var v) ? EditConflict.YesNo(v, "Checked", "Not checked") : null),
            ($"Comment: {CertificationText.Statement(s)}", f => f.Comments.GetValueOrDefault(s)),
        }),
    ]);
}

/// <summary>The ADP application's scope and its five narratives as typed.</summary>
public sealed class AdpNarrativesInput
{
    public string? Scope { get; set; }
    public Dictionary<AdpFactor, string?> Narratives { get; } = [];

    public static AdpNarrativesInput From(AdpDetail a)
    {
        var input = new AdpNarrativesInput { Scope = a.Scope };
        foreach (var (factor, text) in a.Narratives) input.Narratives[factor] = text;
        return input;
    }

    public static EditedRecord<AdpDetail, AdpNarrativesInput> Edit() => new(From,
    [
        ("Scope of the exemption asked for", f => f.Scope),
        .. Enum.GetValues<AdpFactor>().Select(x => ((string, Func<AdpNarrativesInput, string?>))($"Narrative: {AdpText.Factor(x)}", f => f.Narratives.GetValueOrDefault(x))),
    ]);
}

/// <summary>The Department's grant as typed; the scope granted starts as the scope asked for.</summary>
public sealed class AdpGrantInput
{
    public string? GrantedOn { get; set; }
    public string? Reference { get; set; }
    public string? Scope { get; set; }

    public DateOnly? Day => DateOnly.TryParse(GrantedOn, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static AdpGrantInput From(AdpDetail a) => new()
    {
        GrantedOn = a.GrantedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reference = a.DecisionReference,
        Scope = a.GrantedScope ?? a.Scope,
    };

    public static EditedRecord<AdpDetail, AdpGrantInput> Edit() =>
        new(From, [("Granted on", f => f.GrantedOn), ("Decision reference", f => f.Reference), ("Scope granted", f => f.Scope)]);
}
