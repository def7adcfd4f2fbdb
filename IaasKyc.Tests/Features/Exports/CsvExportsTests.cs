using System.Text;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Exports;

/// <summary>The CSV exports over SQLite in memory: what each holds, masked identifiers, the injection rule on stored values, the export's audit entry.</summary>
public sealed class CsvExportsTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int? Rows, string[] Lines)> ExportAsync(string name)
    {
        using var stream = new MemoryStream();
        var rows = await db.Get<CsvExports>().WriteAsync(name, stream, Ct);
        return (rows, Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_customer_named_like_a_formula_is_escaped_while_its_phone_and_dates_are_not()
    {
        var created = await db.Get<CustomerService>().CreateAsync(Support.Customers.ForeignEntity(name: "=cmd|' /C calc'!A0 GmbH"));
        Assert.True(created.Ok, created.Message);

        var (rows, lines) = await ExportAsync("customers");

        Assert.Equal(1, rows);
        Assert.StartsWith("id,kind,name,", lines[0]);
        Assert.Contains(",'=cmd|' /C calc'!A0 GmbH,", lines[1]);
        Assert.Contains(",+49301234567,", lines[1]);
        Assert.Contains(",2015-03-02,", lines[1]);
        Assert.Contains(",draft,", lines[1]);
    }

    [Fact]
    public async Task Accounts_carry_only_the_masked_payment_identifier()
    {
        var created = await db.Get<CustomerService>().CreateAsync(Support.Customers.ForeignEntity());
        Assert.True(created.Ok, created.Message);

        var (rows, lines) = await ExportAsync("accounts");

        Assert.Equal(1, rows);
        var text = string.Join('\n', lines);
        Assert.Contains("••••••••3000", text);
        Assert.DoesNotContain("DE89370400440532013000", text);
        Assert.Contains(",ACC-NORD-1,card,false,DE,", text);
    }

    [Fact]
    public async Task Every_export_has_a_header_row_even_when_empty()
    {
        foreach (var kind in CsvExports.Kinds)
        {
            var (rows, lines) = await ExportAsync(kind.Name);

            Assert.Equal(0, rows);
            Assert.Single(lines);
        }
    }

    [Fact]
    public async Task An_unknown_export_writes_nothing()
    {
        var (rows, lines) = await ExportAsync("passwords");

        Assert.Null(rows);
        Assert.Empty(lines);
    }

    [Fact]
    public async Task An_export_is_an_audit_entry_naming_what_who_and_when()
    {
        await db.Get<ExportLog>().RecordAsync("CsvExport", "customers", [new("format", null, "text/csv")], Ct);

        var entry = Assert.Single(await db.AuditEntriesAsync(), e => e.Action == "export");
        Assert.Equal("CsvExport", entry.EntityType);
        Assert.Equal("customers", entry.EntityId);
        Assert.Equal(ServiceTestDb.Actor, entry.Actor);
        Assert.Equal(db.UtcNow, entry.AtUtc);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
