using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.Resellers;

/// <summary>
/// A request from the Department for copies of CIPs (proposed § 7.301): the provider's own and/or named resellers'. It is due the day
/// received + the rule pack's <c>cipProductionDays</c> (calendar days, provider's time zone); the documents produced are attached and
/// the request is marked sent with its date.
/// </summary>
public sealed class CipProductionRequest : IVersioned
{
    private readonly List<CipProductionDocument> documents = [];

    private CipProductionRequest() { }

    public CipProductionRequest(Guid id, string reference, DateOnly receivedOn, bool providerCip, IEnumerable<Guid> resellerIds, int productionDays,
        string rulePackVersion, string by, DateTime nowUtc)
    {
        (Id, Reference, ReceivedOn, IncludesProviderCip, ProductionDays, RulePackVersion, RecordedBy, RecordedAtUtc) =
            (id, reference, receivedOn, providerCip, productionDays, rulePackVersion, by, nowUtc);
        ResellerIds = string.Join(',', resellerIds.Distinct().Order());
        if (!providerCip && ResellerIds.Length == 0) throw new ArgumentException("A request names the provider's CIP or at least one reseller.");
    }

    public Guid Id { get; private set; }
    /// <summary>The Department's reference for the request.</summary>
    public string Reference { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public bool IncludesProviderCip { get; private set; }
    /// <summary>The resellers whose CIPs are requested, comma-separated ids.</summary>
    public string ResellerIds { get; private set; } = "";
    public int ProductionDays { get; private set; }
    public string RulePackVersion { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public string? SentBy { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<CipProductionDocument> Documents => documents;

    public IReadOnlyList<Guid> Resellers => [.. ResellerIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    public Deadline Clock(TimeZoneInfo zone) => new(ReceivedOn.AddDays(ProductionDays), zone);

    public CipProductionDocument Attach(string uploadId, string fileName, string sha256, string by, DateTime nowUtc)
    {
        if (SentOn is not null) throw new InvalidStateTransition("The production was sent: its documents are kept as they were.");
        var d = new CipProductionDocument(Guid.NewGuid(), Id, uploadId, fileName, sha256, by, nowUtc);
        documents.Add(d);
        return d;
    }

    public void MarkSent(DateOnly sentOn, string by)
    {
        if (SentOn is not null) throw new InvalidStateTransition("The production is marked sent already.");
        if (documents.Count == 0) throw new InvalidStateTransition("Attach the documents produced before marking the request sent.");
        (SentOn, SentBy) = (sentOn, by);
    }

    /// <summary>Sent after its due date.</summary>
    public bool SentLate => SentOn is { } s && s > ReceivedOn.AddDays(ProductionDays);
}

public sealed class CipProductionDocument
{
    private CipProductionDocument() { }

    public CipProductionDocument(Guid id, Guid requestId, string uploadId, string fileName, string sha256, string by, DateTime nowUtc) =>
        (Id, RequestId, UploadId, FileName, Sha256, AttachedBy, AttachedAtUtc) = (id, requestId, uploadId, fileName, sha256, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string UploadId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string AttachedBy { get; private set; } = "";
    public DateTime AttachedAtUtc { get; private set; }
}
