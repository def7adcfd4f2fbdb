using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace IaasKyc.Portal.Features.Exports;

/// <summary>
/// Writes one CSV export to a stream as it goes (UTF-8, a header row, CRLF, RFC 4180 quoting by CsvHelper), each cell by its
/// column's type: free text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets an apostrophe
/// in front, while validated values (E.164 phone numbers, numbers, dates and times, codes) are written as they are.
/// </summary>
public sealed partial class CsvExportWriter : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        // The injection rule is applied here per column type, not by CsvHelper to every text field: "+14155550134" is a phone number.
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter csv;

    public CsvExportWriter(Stream output, IReadOnlyList<string> header)
    {
        csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in header) csv.WriteField(column);
        csv.EndRecord();
    }

    /// <summary>The rows written so far, the header excluded.</summary>
    public int Rows { get; private set; }

    /// <summary>Free text (names, notes, references, emails): protected against formula injection.</summary>
    public CsvExportWriter Text(string? value)
    {
        csv.WriteField(Protect(value));
        return this;
    }

    /// <summary>A phone number written as it is when it is E.164 (it was validated on entry); anything else is free text.</summary>
    public CsvExportWriter Phone(string? value) => value is not null && E164().IsMatch(value) ? Code(value) : Text(value);

    /// <summary>A value of a closed set (an enum, a country code, an id, a masked identifier): cannot be a formula.</summary>
    public CsvExportWriter Code(string? value)
    {
        csv.WriteField(value ?? "");
        return this;
    }

    /// <summary>An enum value as api.md spells it (camelCase).</summary>
    public CsvExportWriter Enum<TEnum>(TEnum? value) where TEnum : struct, System.Enum => Code(value is { } v ? JsonName(v.ToString()) : null);

    public CsvExportWriter Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => Enum((TEnum?)value);

    public CsvExportWriter Id(Guid? value) => Code(value?.ToString());

    public CsvExportWriter Number(decimal? value) => Code(value?.ToString("0.############", CultureInfo.InvariantCulture));

    public CsvExportWriter Number(double? value, string format) => Code(value?.ToString(format, CultureInfo.InvariantCulture));

    public CsvExportWriter Number(long? value) => Code(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A UTC time as ISO 8601 with its offset (api.md).</summary>
    public CsvExportWriter Time(DateTime? utc) => Code(utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public CsvExportWriter Day(DateOnly? day) => Code(day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public CsvExportWriter Flag(bool? value) => Code(value switch { true => "true", false => "false", null => null });

    public async Task EndRowAsync(CancellationToken ct)
    {
        await csv.EndRecordAsync(ct);
        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        await csv.FlushAsync();
        await csv.DisposeAsync();
    }

    /// <summary>OWASP's rule for CSV injection: a cell starting with =, +, -, @, tab or CR is shown as text by an apostrophe in front.</summary>
    public static string Protect(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Enum values as api.md spells them: camelCase.</summary>
    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164();
}
