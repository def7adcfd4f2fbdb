using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Storage;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class CipRequestServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private CipRequestService Service => db.Get<CipRequestService>();

    [Fact]
    public async Task A_request_without_scope_or_reference_is_refused_at_its_fields()
    {
        var outcome = await Service.RecordAsync(new CipRequestInput(" ", "2026-06-20", false, []));

        Assert.Equal(["receivedOn", "reference", "resellerIds"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task A_request_received_eleven_days_ago_and_not_sent_is_overdue_and_listed_first()
    {
        await Service.RecordAsync(new CipRequestInput("BIS-2026-0201", "2026-06-12", true, []));
        await Service.RecordAsync(new CipRequestInput("BIS-2026-0193", "2026-06-04", true, []));

        var list = await Service.ListAsync();

        Assert.Equal(["BIS-2026-0193", "BIS-2026-0201"], list.Select(r => r.Reference));
        Assert.True(list[0].Overdue);
        Assert.Equal((new DateOnly(2026, 6, 14), DeadlineState.Overdue, "1 day overdue"), (list[0].DueDate, list[0].Deadline, list[0].DeadlineText));
        Assert.Equal((DeadlineState.OnTime, "7 days left"), (list[1].Deadline, list[1].DeadlineText));
    }

    [Fact]
    public async Task Documents_are_attached_then_the_request_is_marked_sent_and_no_longer_overdue()
    {
        var recorded = await Service.RecordAsync(new CipRequestInput("BIS-2026-0193", "2026-06-10", true, []));
        var uploads = db.Get<UploadStore>();
        var (upload, _) = await uploads.SaveAsync(new MemoryStream("%PDF-1.7 test"u8.ToArray()), "provider-cip-v1.pdf", "file", [UploadKind.Pdf],
            ct: TestContext.Current.CancellationToken);

        var early = await Service.MarkSentAsync(recorded.Id!.Value, recorded.Version!.Value, "2026-06-12");
        var attached = await Service.AttachAsync(recorded.Id!.Value, recorded.Version!.Value, upload!);
        var before = await Service.MarkSentAsync(recorded.Id!.Value, attached.Version!.Value, "2026-06-09");
        var sent = await Service.MarkSentAsync(recorded.Id!.Value, attached.Version!.Value, "2026-06-12");

        Assert.True(early.Refused);
        Assert.Equal("sentOn", Assert.Single(before.Findings).Field);
        Assert.True(sent.Ok, sent.Message);
        var view = Assert.Single(await Service.ListAsync());
        Assert.Equal((new DateOnly(2026, 6, 12), false, false), (view.SentOn!.Value, view.SentLate, view.Overdue));
        Assert.Equal("provider-cip-v1.pdf", Assert.Single(view.Documents).FileName);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
