using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Cip;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Support;

/// <summary>What AI-training tests need besides a customer: the seeded accelerator catalogue and a published written CIP.</summary>
public static class AiCases
{
    public static async Task CatalogueAsync(IDbContextFactory<PortalDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await AiTrainingService.EnsureDefaultAcceleratorsAsync(db);
    }

    public static async Task PublishCipAsync(CipService cip)
    {
        var published = await cip.PublishAsync(new CipDraft("Documentary verification of every foreign customer.", "No GPU products until verified.",
            "Accounts are refused when verification fails twice.", "Unverified customers are closed after 30 days.", "Your information may be disclosed.",
            "Abuse desk 24/7.", "Dana Whitfield", "Chief Compliance Officer", "cip@provider.example", "+1 202 555 0147"));
        Assert.True(published.Ok, published.Message);
    }
}
