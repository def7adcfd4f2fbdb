using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Certifications;

/// <summary>Proposed § 7.303: the initial certification, the annual one, and an off-cycle update after a material change.</summary>
public enum CertificationKind { Initial, Annual, OffCycle }

public enum CertificationState { Draft, Signed }

/// <summary>The four statements of the annual certification (regulation.md §3), each a check item with a comment.</summary>
public enum AnnualStatement { CipReviewed, UpdatedForServices, UpdatedForThreats, Compliant }

/// <summary>
/// A CIP certification (proposed § 7.301, § 7.303). An Officer drafts it as of a day: its figures are computed from the data and
/// stored as JSON (<see cref="FiguresJson"/>); recomputing replaces them while it is a draft. An Approver other than the last person
/// who prepared the draft signs it with name, title and time (four-eyes); a signed certification is frozen.
/// </summary>
public sealed class Certification : IVersioned
{
    private Certification() { }

    public Certification(Guid id, CertificationKind kind, DateOnly asOf, string? offCycleReason, string figuresJson, string by, DateTime nowUtc)
    {
        if (kind == CertificationKind.OffCycle && string.IsNullOrWhiteSpace(offCycleReason))
            throw new ArgumentException("An off-cycle update states the change that calls for it.", nameof(offCycleReason));
        (Id, Kind, AsOf, OffCycleReason, FiguresJson) = (id, kind, asOf, offCycleReason?.Trim(), figuresJson);
        (CreatedBy, CreatedAtUtc, PreparedBy, PreparedAtUtc) = (by, nowUtc, by, nowUtc);
    }

    public Guid Id { get; private set; }
    public CertificationKind Kind { get; private set; }
    public DateOnly AsOf { get; private set; }
    public string? OffCycleReason { get; private set; }
    public CertificationState State { get; private set; }
    public string FiguresJson { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Who last computed the figures or edited the statements: the one person who may not sign.</summary>
    public string PreparedBy { get; private set; } = "";
    public DateTime PreparedAtUtc { get; private set; }
    public bool CipReviewed { get; private set; }
    public string? CipReviewedComment { get; private set; }
    public bool UpdatedForServices { get; private set; }
    public string? UpdatedForServicesComment { get; private set; }
    public bool UpdatedForThreats { get; private set; }
    public string? UpdatedForThreatsComment { get; private set; }
    public bool Compliant { get; private set; }
    public string? CompliantComment { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerTitle { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public bool HasStatements => Kind == CertificationKind.Annual;

    public (bool Checked, string? Comment) Statement(AnnualStatement s) => s switch
    {
        AnnualStatement.CipReviewed => (CipReviewed, CipReviewedComment),
        AnnualStatement.UpdatedForServices => (UpdatedForServices, UpdatedForServicesComment),
        AnnualStatement.UpdatedForThreats => (UpdatedForThreats, UpdatedForThreatsComment),
        _ => (Compliant, CompliantComment),
    };

    /// <summary>New figures for the draft (computed by the caller from the data as of <see cref="AsOf"/>).</summary>
    public void Recompute(string figuresJson, string by, DateTime nowUtc)
    {
        RequireDraft("be recomputed");
        FiguresJson = figuresJson;
        (PreparedBy, PreparedAtUtc) = (by, nowUtc);
    }

    public void SetStatement(AnnualStatement s, bool isChecked, string? comment, string by, DateTime nowUtc)
    {
        RequireDraft("change its statements");
        if (!HasStatements) throw new InvalidStateTransition("Only the annual certification carries these statements.");
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        switch (s)
        {
            case AnnualStatement.CipReviewed: (CipReviewed, CipReviewedComment) = (isChecked, comment); break;
            case AnnualStatement.UpdatedForServices: (UpdatedForServices, UpdatedForServicesComment) = (isChecked, comment); break;
            case AnnualStatement.UpdatedForThreats: (UpdatedForThreats, UpdatedForThreatsComment) = (isChecked, comment); break;
            default: (Compliant, CompliantComment) = (isChecked, comment); break;
        }
        (PreparedBy, PreparedAtUtc) = (by, nowUtc);
    }

    /// <summary>What keeps the draft from being signed: an annual statement left unchecked, or a missing signer's name or title.</summary>
    public IReadOnlyList<Finding> SignBlockers(string? signerName, string? signerTitle)
    {
        var f = new List<Finding>();
        if (HasStatements)
        {
            foreach (var s in Enum.GetValues<AnnualStatement>().Where(s => !Statement(s).Checked))
                f.Add(new("statement.unchecked", $"Check “{CertificationText.Statement(s)}” before signing, or leave the certification unsigned.", StatementField(s)));
        }
        Signature.AddSignerBlockers(f, signerName, signerTitle);
        return f;
    }

    /// <summary>Signs and freezes. Four-eyes: whoever prepared the draft last cannot sign it.</summary>
    public void Sign(string by, string signerName, string signerTitle, DateTime nowUtc)
    {
        RequireDraft("be signed");
        Signature.RequireOtherThanPreparer(by, PreparedBy, "draft");
        if (SignBlockers(signerName, signerTitle).Count > 0) throw new InvalidOperationException("The draft is not ready to be signed.");
        (State, SignedBy, SignerName, SignerTitle, SignedAtUtc) = (CertificationState.Signed, by, signerName.Trim(), signerTitle.Trim(), nowUtc);
    }

    public static string StatementField(AnnualStatement s) => "statements." + char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..];

    private void RequireDraft(string action)
    {
        if (State != CertificationState.Draft) throw new InvalidStateTransition($"A signed certification is frozen: it cannot {action}.");
    }
}

/// <summary>The wording shared by the page and the PDF.</summary>
public static class CertificationText
{
    public static string Kind(CertificationKind k) => k switch
    {
        CertificationKind.Initial => "Initial certification",
        CertificationKind.Annual => "Annual certification",
        _ => "Off-cycle update",
    };

    public static string Statement(AnnualStatement s) => s switch
    {
        AnnualStatement.CipReviewed => "The CIP was reviewed since the last certification",
        AnnualStatement.UpdatedForServices => "The CIP was updated for changes in the services offered",
        AnnualStatement.UpdatedForThreats => "The CIP was updated for changes in the threat landscape",
        _ => "The CIP remains compliant with the rule",
    };
}
