using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.Resellers;

public sealed class CipProductionRequestTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static CipProductionRequest Request() =>
        new(Guid.NewGuid(), "BIS-2026-0193", new DateOnly(2026, 11, 2), true, [Guid.NewGuid()], 10, RulePack.DefaultVersion, "officer", T0);

    [Fact]
    public void A_request_is_due_ten_calendar_days_after_it_was_received_and_stands_out_once_overdue()
    {
        var clock = Request().Clock(NewYork);

        Assert.Equal(new DateOnly(2026, 11, 12), clock.DueDate);
        Assert.Equal(DeadlineState.OnTime, clock.State(T0, 3));
        Assert.Equal(DeadlineState.Overdue, clock.State(new DateTime(2026, 11, 13, 12, 0, 0, DateTimeKind.Utc), 3));
    }

    [Fact]
    public void A_request_names_the_providers_cip_or_a_reseller()
    {
        Assert.Throws<ArgumentException>(() => new CipProductionRequest(Guid.NewGuid(), "R", new DateOnly(2026, 11, 2), false, [], 10, "v", "officer", T0));
    }

    [Fact]
    public void It_is_marked_sent_only_with_documents_and_a_late_sending_is_recognised()
    {
        var r = Request();
        Assert.Throws<InvalidStateTransition>(() => r.MarkSent(new DateOnly(2026, 11, 10), "officer"));

        r.Attach(new string('a', 32), "cip-v3.pdf", new string('1', 64), "officer", T0);
        r.MarkSent(new DateOnly(2026, 11, 13), "officer");

        Assert.True(r.SentLate);
        Assert.Throws<InvalidStateTransition>(() => r.Attach(new string('b', 32), "more.pdf", new string('2', 64), "officer", T0));
    }
}
