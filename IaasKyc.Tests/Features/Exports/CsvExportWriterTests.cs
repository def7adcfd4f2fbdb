using System.Text;
using IaasKyc.Portal.Features.Exports;

namespace IaasKyc.Tests.Features.Exports;

/// <summary>RFC 4180 quoting and the formula-injection rule, per column type.</summary>
public sealed class CsvExportWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> WriteAsync(Action<CsvExportWriter> row, params string[] header)
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvExportWriter(stream, header.Length == 0 ? ["a", "b"] : header))
        {
            row(csv);
            await csv.EndRowAsync(Ct);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task The_header_row_comes_first_and_records_end_with_crlf()
    {
        var text = await WriteAsync(c => c.Text("x").Text("y"));

        Assert.Equal("a,b\r\nx,y\r\n", text);
    }

    [Theory]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("The \"Big\" One", "\"The \"\"Big\"\" One\"")]
    [InlineData("line one\r\nline two", "\"line one\r\nline two\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("Zürich Σ 東京", "Zürich Σ 東京")]
    public async Task Fields_are_quoted_as_rfc_4180_says(string value, string expected)
    {
        var text = await WriteAsync(c => c.Text(value).Text("z"));

        Assert.Equal($"a,b\r\n{expected},z\r\n", text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("Acme = fine", "Acme = fine")]
    public async Task Free_text_that_starts_like_a_formula_gets_an_apostrophe(string value, string expected)
    {
        var text = await WriteAsync(c => c.Text(value).Text("z"));

        Assert.Equal($"a,b\r\n{expected},z\r\n", text);
    }

    [Fact]
    public async Task Validated_values_are_written_as_they_are()
    {
        var text = await WriteAsync(c => c.Phone("+4930123456").Number(-5m).Day(new DateOnly(2026, 3, 1))
            .Time(new DateTime(2026, 3, 1, 14, 5, 9, DateTimeKind.Utc)).Number(-0.25, "0.00").Flag(false).Code("US-DE"), "a", "b", "c", "d", "e", "f", "g");

        Assert.Equal("a,b,c,d,e,f,g\r\n+4930123456,-5,2026-03-01,2026-03-01T14:05:09Z,-0.25,false,US-DE\r\n", text);
    }

    [Fact]
    public async Task A_phone_that_is_not_e164_is_free_text()
    {
        var text = await WriteAsync(c => c.Phone("+1 (555) =cmd").Text(null));

        Assert.Equal("a,b\r\n'+1 (555) =cmd,\r\n", text);
    }

    [Fact]
    public async Task Enums_are_written_camel_case_as_in_the_api()
    {
        var text = await WriteAsync(c => c.Enum(IaasKyc.Domain.Customers.PaymentMeansType.BankAccount).Enum((IaasKyc.Domain.Customers.RiskLevel?)null));

        Assert.Equal("a,b\r\nbankAccount,\r\n", text);
    }
}
