using IaasKyc.Portal.Features.Resellers;

namespace IaasKyc.Tests.Features.Resellers;

/// <summary>Brings a reseller a signed flow-down attestation through the real services: a template drafted and approved by two people, sent and signed.</summary>
public static class SignedAttestation
{
    /// <param name="asUser">The attestation service acting for the named user.</param>
    public static async Task ForAsync(Func<string, AttestationService> asUser, Guid resellerId)
    {
        var templates = await asUser("officer@example.test").TemplatesAsync();
        if (!templates.Any(t => t.ApprovedAtUtc is not null))
        {
            var drafted = await asUser("officer@example.test").DraftAsync(AttestationTemplateServiceTests.Standard());
            Assert.True((await asUser("approver@example.test").ApproveAsync(drafted.Id!.Value, drafted.Version!.Value)).Ok);
        }
        var service = asUser("officer@example.test");
        var sent = await service.SendAsync(resellerId, null, "https://portal.example/");
        Assert.True(sent.Outcome.Ok, sent.Outcome.Message);
        var token = sent.Link![(sent.Link!.LastIndexOf('/') + 1)..];
        var opened = await service.OpenAsync(token);
        var signed = await service.SignAsync(token, new SignatureInput("Mina Weber", "CEO", "mina@nordlicht.example", true, opened.TextSha256), "198.51.100.23");
        Assert.True(signed.Ok, signed.Message);
    }
}
