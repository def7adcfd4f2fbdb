using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IaasKyc.Portal.Reports;

/// <summary>What every page's footer states: when (UTC), by whom, and under which rule-pack version the document was made.</summary>
public sealed record ReportFooter(DateTime GeneratedAtUtc, string GeneratedBy, string RulePackVersion);

/// <summary>A table column: its header, its share of the width (fractions, normalised to the sum) and whether it is monospace.</summary>
public sealed record ReportColumn(string Header, double Width, bool Monospace = false);

/// <summary>
/// A small flowing layout over PDFsharp on US Letter: blocks are added top to bottom, text wraps (long words break),
/// pages break by themselves, a table repeats its header row on each new page, and footers with "Page x of y"
/// are drawn once all pages exist.
/// </summary>
public sealed class PdfReport : IDisposable
{
    private const double Margin = 54, FooterOffset = 42, Padding = 3, LineSpacing = 1.3;
    private static readonly XColor Ink = XColor.FromArgb(33, 37, 41), Muted = XColor.FromArgb(98, 106, 117);
    private static readonly XColor Rule = XColor.FromArgb(200, 205, 212), Shade = XColor.FromArgb(233, 237, 242);

    private readonly PdfDocument document = new();
    private readonly ReportFooter footer;
    private readonly double pageWidth, pageHeight;
    private readonly XFont titleFont, subtitleFont, headingFont, bodyFont, boldFont, cellFont, cellBoldFont, monoFont, footerFont;
    private readonly XBrush ink = new XSolidBrush(Ink), muted = new XSolidBrush(Muted), shade = new XSolidBrush(Shade);
    private readonly XPen rule = new(Rule, 0.5);
    private XGraphics gfx;
    private double y;
    private bool finished;

    /// <param name="fonts">The registered fonts; asking for it guarantees PDFsharp can resolve "DejaVu Sans".</param>
    public PdfReport(PdfFonts fonts, string title, ReportFooter footer, bool landscape = false)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        this.footer = footer;
        (pageWidth, pageHeight) = landscape ? (792.0, 612.0) : (612.0, 792.0);
        titleFont = Font(PdfFonts.Sans, 18, bold: true);
        subtitleFont = Font(PdfFonts.Sans, 11);
        headingFont = Font(PdfFonts.Sans, 12.5, bold: true);
        bodyFont = Font(PdfFonts.Sans, 9.5);
        boldFont = Font(PdfFonts.Sans, 9.5, bold: true);
        cellFont = Font(PdfFonts.Sans, 7.5);
        cellBoldFont = Font(PdfFonts.Sans, 7.5, bold: true);
        monoFont = Font(PdfFonts.Mono, 7.5);
        footerFont = Font(PdfFonts.Sans, 7.5);
        document.Info.Title = title;
        document.Info.Author = footer.GeneratedBy;
        document.Info.Creator = "IaasKyc";
        gfx = StartPage();
    }

    private double Width => pageWidth - 2 * Margin;
    private double FooterTop => pageHeight - FooterOffset;
    private double Bottom => FooterTop - 10;

    public void Title(string title, string? subtitle = null)
    {
        Lines(Wrap(title, titleFont, Width), titleFont, ink, Margin);
        if (subtitle is not null) Lines(Wrap(subtitle, subtitleFont, Width), subtitleFont, muted, Margin);
        y += 4;
        gfx.DrawLine(new XPen(Ink, 1), Margin, y, Margin + Width, y);
        y += 10;
    }

    public void Heading(string text)
    {
        // Keep a heading with the first lines that follow it.
        Ensure(Height(headingFont) + 3 * Height(bodyFont) + 8);
        y += 6;
        Lines(Wrap(text, headingFont, Width), headingFont, ink, Margin);
        y += 3;
    }

    public void Paragraph(string text, bool emphasis = false)
    {
        var font = emphasis ? boldFont : bodyFont;
        Lines(Wrap(text, font, Width), font, ink, Margin);
        y += 5;
    }

    public void KeyValues(IEnumerable<(string Key, string Value)> pairs)
    {
        var keyWidth = Width * 0.28;
        foreach (var (key, value) in pairs)
        {
            var keyLines = Wrap(key, boldFont, keyWidth - 8);
            var valueLines = Wrap(value, bodyFont, Width - keyWidth);
            Ensure(Math.Max(keyLines.Count, valueLines.Count) * Height(bodyFont));
            var top = y;
            Draw(keyLines, boldFont, muted, Margin, top);
            Draw(valueLines, bodyFont, ink, Margin + keyWidth, top);
            y = top + Math.Max(keyLines.Count, valueLines.Count) * Height(bodyFont) + 2;
        }
        y += 5;
    }

    public void Table(IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * Width).ToArray();
        var header = columns.Select((c, i) => Wrap(c.Header, cellBoldFont, widths[i] - 2 * Padding)).ToList();
        var headerHeight = RowHeight(header, cellFont);
        Ensure(headerHeight + 2 * Height(cellFont) + 2 * Padding);
        DrawRow(header, widths, headerHeight, _ => cellBoldFont, shaded: true);
        foreach (var row in rows)
        {
            var cells = columns.Select((c, i) => Wrap(i < row.Count ? row[i] : "", CellFont(c), widths[i] - 2 * Padding)).ToList();
            var height = RowHeight(cells, cellFont);
            if (y + height > Bottom)
            {
                NewPage();
                DrawRow(header, widths, headerHeight, _ => cellBoldFont, shaded: true);
            }
            DrawRow(cells, widths, height, i => CellFont(columns[i]), shaded: false);
        }
        y += 8;
    }

    /// <summary>
    /// A drawing of <paramref name="width"/> × <paramref name="height"/> units (its own coordinates, top left at 0, 0), scaled
    /// down to the text width and to the height left on a fresh page when larger, kept whole on one page.
    /// </summary>
    public void Figure(double width, double height, Action<XGraphics> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var scale = Math.Min(1.0, Math.Min(Width / width, (Bottom - Margin) / height));
        Ensure(height * scale);
        var state = gfx.Save();
        gfx.TranslateTransform(Margin + (Width - width * scale) / 2, y);
        gfx.ScaleTransform(scale);
        draw(gfx);
        gfx.Restore(state);
        y += height * scale + 8;
    }

    /// <summary>Draws the footers on every page and returns the document.</summary>
    public byte[] ToPdf()
    {
        if (!finished) DrawFooters();
        finished = true;
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        gfx.Dispose();
        document.Dispose();
    }

    private XFont CellFont(ReportColumn column) => column.Monospace ? monoFont : cellFont;

    private void DrawRow(List<List<string>> cells, double[] widths, double height, Func<int, XFont> font, bool shaded)
    {
        if (shaded) gfx.DrawRectangle(shade, Margin, y, Width, height);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            Draw(cells[i], font(i), ink, x + Padding, y + Padding);
            x += widths[i];
        }
        y += height;
        gfx.DrawLine(rule, Margin, y, Margin + Width, y);
    }

    private static double RowHeight(List<List<string>> cells, XFont font) => cells.Max(c => c.Count) * Height(font) + 2 * Padding;

    private void DrawFooters()
    {
        var count = document.PageCount;
        var labelWidth = gfx.MeasureString($"Page {count} of {count}", footerFont).Width;
        var generated = footer.GeneratedAtUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = $"Generated {generated} by {footer.GeneratedBy} · Rule pack {footer.RulePackVersion}";
        var lines = Wrap(text, footerFont, Width - labelWidth - 16).Take(2).ToList();
        gfx.Dispose();
        for (var i = 0; i < count; i++)
        {
            using var page = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            page.DrawLine(rule, Margin, FooterTop, Margin + Width, FooterTop);
            for (var l = 0; l < lines.Count; l++)
                page.DrawString(lines[l], footerFont, muted, Margin, FooterTop + 4 + l * Height(footerFont), XStringFormats.TopLeft);
            page.DrawString($"Page {i + 1} of {count}", footerFont, muted, Margin + Width, FooterTop + 4, XStringFormats.TopRight);
        }
    }

    private void NewPage()
    {
        gfx.Dispose();
        gfx = StartPage();
    }

    private XGraphics StartPage()
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(pageWidth);
        page.Height = XUnit.FromPoint(pageHeight);
        y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit below the cursor (unless the page is still empty).</summary>
    private void Ensure(double height)
    {
        if (y + height <= Bottom || y <= Margin) return;
        NewPage();
    }

    private void Lines(List<string> lines, XFont font, XBrush brush, double x)
    {
        foreach (var line in lines)
        {
            Ensure(Height(font));
            gfx.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += Height(font);
        }
    }

    private void Draw(List<string> lines, XFont font, XBrush brush, double x, double top)
    {
        for (var i = 0; i < lines.Count; i++)
            gfx.DrawString(lines[i], font, brush, x, top + i * Height(font), XStringFormats.TopLeft);
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && Measure(line, font) > width)
                {
                    var cut = Fit(line, font, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>How many leading characters fit in <paramref name="width"/> (at least one; never splits a surrogate pair).</summary>
    private int Fit(string text, XFont font, double width)
    {
        int lo = 1, hi = text.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Measure(text[..mid], font) <= width) lo = mid; else hi = mid - 1;
        }
        if (char.IsHighSurrogate(text[lo - 1])) lo = lo > 1 ? lo - 1 : lo + 1;
        return lo;
    }

    private double Measure(string text, XFont font) => gfx.MeasureString(text, font).Width;

    private static string Clean(string text)
    {
        var chars = text.Replace("\r\n", "\n", StringComparison.Ordinal).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != '\n' && char.IsControl(chars[i])) chars[i] = ' ';
        }
        return new string(chars);
    }

    private static double Height(XFont font) => font.Size * LineSpacing;

    private static XFont Font(string family, double size, bool bold = false) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
