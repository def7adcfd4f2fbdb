using IaasKyc.Domain.Rules;

namespace IaasKyc.Portal.Data;

/// <summary>The portal's clock and the provider's time zone (<c>Portal:TimeZone</c>, default America/New_York) in which calendar-day deadlines are counted.</summary>
public sealed class PortalTime(TimeProvider clock, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => Deadline.LocalDate(UtcNow, Zone);

    public Deadline DeadlineFrom(DateTime triggerUtc, int days) => Deadline.From(triggerUtc, days, Zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>How every screen and document shows a time: local, with the zone's abbreviation-free offset.</summary>
    public string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        var offset = Zone.GetUtcOffset(local);
        return $"{local:yyyy-MM-dd HH:mm} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }
}
