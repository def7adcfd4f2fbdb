using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Certifications;

/// <summary>What signing a certification or an ADP application asks in common: a named signatory with a title, and four eyes.</summary>
public static class Signature
{
    public static void AddSignerBlockers(List<Finding> f, string? signerName, string? signerTitle)
    {
        if (string.IsNullOrWhiteSpace(signerName)) f.Add(new("signerName.required", "Give the signatory's full name.", "signerName"));
        if (string.IsNullOrWhiteSpace(signerTitle)) f.Add(new("signerTitle.required", "Give the signatory's title.", "signerTitle"));
    }

    /// <summary>Four-eyes: whoever prepared the document last never signs it, whatever roles they hold.</summary>
    public static void RequireOtherThanPreparer(string by, string preparedBy, string what)
    {
        if (string.Equals(by, preparedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation($"You prepared this {what}: another Approver must sign it.");
    }
}
