using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Certifications;

/// <summary>The five factors the Department weighs for an ADP exemption (proposed § 7.304; regulation.md §4).</summary>
public enum AdpFactor { FitToSize, RedFlags, ResellerOversight, LawEnforcement, DataSharing }

public enum AdpState { Draft, Signed, Granted }

/// <summary>Figures an ADP application cites, computed from the data (never typed) when drafted or recomputed.</summary>
public sealed record AdpFigures(DateTime ComputedAtUtc, int Customers, int ForeignCustomers, int ForeignCustomersVerified,
    int HitsDecidedInYear, int HitsOpen, int ConfirmedMatches, int AiReportsFiledInYear,
    int ActiveResellers, int ResellersWithValidAttestation, int ResellersTerminatedInYear, int OpenResellerFindings);

/// <summary>A document attached to one factor of an application: uploaded, checked by content, kept outside the web root.</summary>
public sealed class AdpEvidence
{
    private AdpEvidence() { }

    public AdpEvidence(Guid id, Guid applicationId, AdpFactor factor, string description, string fileName, string uploadId, string sha256, string by, DateTime nowUtc) =>
        (Id, ApplicationId, Factor, Description, FileName, UploadId, Sha256, AddedBy, AddedAtUtc) = (id, applicationId, factor, description, fileName, uploadId, sha256, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public AdpFactor Factor { get; private set; }
    public string Description { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string UploadId { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string AddedBy { get; private set; } = "";
    public DateTime AddedAtUtc { get; private set; }
}

/// <summary>
/// An application for an ADP exemption (proposed § 7.304): a narrative and evidence per factor, figures from the data, signed by an
/// Approver other than its preparer (four-eyes); once the Department grants it, the grant is recorded with its scope, and the
/// exemption enters the register with the duty to keep the program current and notify significant changes.
/// </summary>
public sealed class AdpApplication : IVersioned
{
    private readonly List<AdpEvidence> evidence = [];

    private AdpApplication() { }

    public AdpApplication(Guid id, string scope, string figuresJson, string by, DateTime nowUtc)
    {
        (Id, Scope, FiguresJson) = (id, scope, figuresJson);
        (CreatedBy, CreatedAtUtc, PreparedBy, PreparedAtUtc) = (by, nowUtc, by, nowUtc);
    }

    public Guid Id { get; private set; }
    /// <summary>The provider as a whole, or the class of accounts the exemption is asked for.</summary>
    public string Scope { get; private set; } = "";
    public AdpState State { get; private set; }
    public string? FitToSize { get; private set; }
    public string? RedFlags { get; private set; }
    public string? ResellerOversight { get; private set; }
    public string? LawEnforcement { get; private set; }
    public string? DataSharing { get; private set; }
    public string FiguresJson { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string PreparedBy { get; private set; } = "";
    public DateTime PreparedAtUtc { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerTitle { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    public DateOnly? GrantedOn { get; private set; }
    public string? DecisionReference { get; private set; }
    public string? GrantedScope { get; private set; }
    public string? GrantRecordedBy { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<AdpEvidence> Evidence => evidence;

    public string? Narrative(AdpFactor f) => f switch
    {
        AdpFactor.FitToSize => FitToSize,
        AdpFactor.RedFlags => RedFlags,
        AdpFactor.ResellerOversight => ResellerOversight,
        AdpFactor.LawEnforcement => LawEnforcement,
        _ => DataSharing,
    };

    /// <summary>The scope and the five narratives, as the Officer wrote them.</summary>
    public void Write(string scope, IReadOnlyDictionary<AdpFactor, string?> narratives, string by, DateTime nowUtc)
    {
        RequireDraft("be edited");
        string? N(AdpFactor f) => narratives.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        Scope = scope.Trim();
        (FitToSize, RedFlags, ResellerOversight, LawEnforcement, DataSharing) =
            (N(AdpFactor.FitToSize), N(AdpFactor.RedFlags), N(AdpFactor.ResellerOversight), N(AdpFactor.LawEnforcement), N(AdpFactor.DataSharing));
        (PreparedBy, PreparedAtUtc) = (by, nowUtc);
    }

    public void Recompute(string figuresJson, string by, DateTime nowUtc)
    {
        RequireDraft("be recomputed");
        FiguresJson = figuresJson;
        (PreparedBy, PreparedAtUtc) = (by, nowUtc);
    }

    public void AddEvidence(AdpEvidence item, string by, DateTime nowUtc)
    {
        RequireDraft("take new evidence");
        evidence.Add(item);
        (PreparedBy, PreparedAtUtc) = (by, nowUtc);
    }

    /// <summary>Every factor needs its narrative, and the signatory a name and title.</summary>
    public IReadOnlyList<Finding> SignBlockers(string? signerName, string? signerTitle)
    {
        var f = new List<Finding>();
        foreach (var factor in Enum.GetValues<AdpFactor>().Where(x => Narrative(x) is null))
            f.Add(new("narrative.required", $"Write the narrative for “{AdpText.Factor(factor)}” before signing.", AdpText.Field(factor)));
        Signature.AddSignerBlockers(f, signerName, signerTitle);
        return f;
    }

    public void Sign(string by, string signerName, string signerTitle, DateTime nowUtc)
    {
        RequireDraft("be signed");
        Signature.RequireOtherThanPreparer(by, PreparedBy, "application");
        if (SignBlockers(signerName, signerTitle).Count > 0) throw new InvalidOperationException("The application is not ready to be signed.");
        (State, SignedBy, SignerName, SignerTitle, SignedAtUtc) = (AdpState.Signed, by, signerName.Trim(), signerTitle.Trim(), nowUtc);
    }

    /// <summary>The Department's grant, recorded from its decision: on or after the signing day, with the scope granted.</summary>
    public void RecordGrant(DateOnly grantedOn, string reference, string grantedScope, string by, DateOnly signedOn)
    {
        if (State != AdpState.Signed) throw new InvalidStateTransition($"An application in state {State} cannot record a grant.");
        if (grantedOn < signedOn) throw new ArgumentOutOfRangeException(nameof(grantedOn), "A grant comes after the signed application.");
        (State, GrantedOn, DecisionReference, GrantedScope, GrantRecordedBy) = (AdpState.Granted, grantedOn, reference.Trim(), grantedScope.Trim(), by);
    }

    private void RequireDraft(string action)
    {
        if (State != AdpState.Draft) throw new InvalidStateTransition($"A signed application is frozen: it cannot {action}.");
    }
}

/// <summary>The wording shared by the ADP pages and the PDF.</summary>
public static class AdpText
{
    public const string NotifyDuty = "Keep the program current and notify the Department of any significant change to it (proposed § 7.304).";

    public static string Factor(AdpFactor f) => f switch
    {
        AdpFactor.FitToSize => "Fit to the provider's size and complexity",
        AdpFactor.RedFlags => "Deterring, detecting and responding to red flags",
        AdpFactor.ResellerOversight => "Oversight of foreign resellers",
        AdpFactor.LawEnforcement => "Voluntary cooperation with law enforcement",
        _ => "Privacy-preserving data sharing",
    };

    public static string Field(AdpFactor f) => "narratives." + char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..];

    /// <summary>The figures that support one factor (none for the factors the data does not measure).</summary>
    public static IReadOnlyList<(string Label, int Value)> Figures(AdpFactor f, AdpFigures x) => f switch
    {
        AdpFactor.FitToSize => [("Customers", x.Customers), ("Foreign customers", x.ForeignCustomers), ("Foreign customers verified", x.ForeignCustomersVerified)],
        AdpFactor.RedFlags => [("Screening hits reviewed in the last year", x.HitsDecidedInYear), ("Screening hits awaiting review", x.HitsOpen),
            ("Confirmed list matches", x.ConfirmedMatches), ("Large-AI-training reports filed in the last year", x.AiReportsFiledInYear)],
        AdpFactor.ResellerOversight => [("Active foreign resellers", x.ActiveResellers), ("Active resellers with a valid signed attestation", x.ResellersWithValidAttestation),
            ("Resellers terminated in the last year", x.ResellersTerminatedInYear), ("Open non-compliance findings", x.OpenResellerFindings)],
        _ => [],
    };
}
