using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;
using UglyToad.PdfPig;

namespace IaasKyc.Tests.Reports;

public sealed class PdfReportTests
{
    private static readonly ReportFooter Footer = new(new DateTime(2026, 11, 29, 18, 15, 0, DateTimeKind.Utc), "auditor.one@example.com", "2024-01-29 NPRM");

    private static readonly ReportColumn[] Columns = [new("Number", 0.15), new("Description", 0.6), new("Code", 0.25, Monospace: true)];

    [Fact]
    public void Long_table_breaks_across_pages_with_header_and_footer_on_every_page()
    {
        using var report = new PdfReport(PdfFonts.Registered, "Engine test", Footer);
        report.Title("Engine test", "Tables, paragraphs and page breaks");
        report.Heading("Paragraphs");
        for (var i = 0; i < 5; i++)
            report.Paragraph(string.Concat(Enumerable.Repeat("Длинный абзац на русском языке с переносом строк. Crème brûlée à l'Ångström, Łódź, São Paulo. ", 12)));
        report.Heading("Rows");
        report.Table(Columns, Enumerable.Range(1, 300).Select(i => (IReadOnlyList<string>)
            [$"Row {i}", i == 150 ? "Distinctive-cell-Щука" : $"Description of row {i}, long enough to wrap onto a second line in this column of the table", $"C-{i:D4}"]));

        var pages = ServiceTestDb.PageTexts(report.ToPdf());

        var n = pages.Count;
        Assert.True(n > 1);
        Assert.Contains("Page 1 of " + n, pages[0]);
        Assert.Contains($"Page {n} of {n}", pages[^1]);
        var tablePages = pages.SkipWhile(p => !p.Contains("Row 1 ", StringComparison.Ordinal)).ToList();
        Assert.All(tablePages, p => Assert.Contains("Number Description Code", p));
        Assert.All(pages, p => Assert.Contains("auditor.one@example.com", p));
        Assert.All(pages, p => Assert.Contains("Rule pack 2024-01-29 NPRM", p));
        Assert.All(pages, p => Assert.Contains("Generated 2026-11-29T18:15:00Z", p));
        Assert.Contains(pages, p => p.Contains("Distinctive-cell-Щука", StringComparison.Ordinal));
        Assert.Contains("Длинный абзац на русском языке", pages[0]);
        Assert.Contains("Crème brûlée à l'Ångström, Łódź", pages[0]);
    }

    [Fact]
    public void A_word_longer_than_the_line_wraps_inside_the_page()
    {
        using var report = new PdfReport(PdfFonts.Registered, "Wrap test", Footer);
        report.Paragraph(new string('W', 400));
        report.Table(Columns, [["x", new string('M', 300), new string('0', 120)]]);

        var pdf = report.ToPdf();

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(612, page.Width, 0);
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 50));
        Assert.Equal(400, page.Letters.Count(l => l.Value == "W"));
    }

    [Fact]
    public void Characters_outside_the_fonts_do_not_break_the_document()
    {
        using var report = new PdfReport(PdfFonts.Registered, "Glyph test", Footer);
        report.Paragraph("Chinese 漢字, emoji 😀🚀, a lone surrogate \ud83d, control \u0007 characters, and then readable text.");
        report.Table(Columns, [["漢字", "😀 " + string.Concat(Enumerable.Repeat("😀", 80)), "\u0000"]]);

        var pages = ServiceTestDb.PageTexts(report.ToPdf());

        Assert.Single(pages);
        Assert.Contains("and then readable text.", pages[0]);
    }
}
