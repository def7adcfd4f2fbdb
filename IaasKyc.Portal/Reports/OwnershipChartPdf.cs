using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Owners;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// The ownership chart of the customer page drawn into a PDF: the same layout (<see cref="OwnershipChartSvg.Place"/> and
/// <see cref="OwnershipChartSvg.EdgeLabels"/>), boxes, arrows and labels, so the dossier shows what the officer saw.
/// </summary>
public static class OwnershipChartPdf
{
    private const double NodeWidth = OwnershipChartSvg.NodeWidth, NodeHeight = OwnershipChartSvg.NodeHeight;
    private static readonly XColor Line = XColor.FromArgb(0x78, 0x90, 0x9c), Label = XColor.FromArgb(0x37, 0x47, 0x4f);
    private static readonly XColor Name = XColor.FromArgb(0x26, 0x32, 0x38), Sub = XColor.FromArgb(0x60, 0x7d, 0x8b);

    public static void Draw(PdfReport report, OwnershipGraph graph, IReadOnlyCollection<string> beneficial, string customerName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var nodes = OwnershipChartSvg.Place(graph, beneficial, customerName);
        var width = nodes.Max(n => n.X) + NodeWidth + OwnershipChartSvg.Margin;
        var height = nodes.Max(n => n.Y) + NodeHeight + OwnershipChartSvg.Margin;
        report.Figure(width, height, gfx => Draw(gfx, graph, nodes));
    }

    private static void Draw(XGraphics gfx, OwnershipGraph graph, List<OwnershipChartSvg.Placed> nodes)
    {
        var font = Font(10, bold: false);
        var bold = Font(10, bold: true);
        var small = Font(8, bold: false);
        var labels = OwnershipChartSvg.EdgeLabels(graph, nodes);
        foreach (var l in labels)
        {
            double x1 = l.From.X + NodeWidth / 2, y1 = l.From.Y + NodeHeight, x2 = l.To.X + NodeWidth / 2, y2 = l.To.Y;
            var pen = new XPen(Line, 1.2);
            if (l.Edge.Percent is null) pen.DashPattern = [5, 4];
            gfx.DrawLine(pen, x1, y1, x2, y2);
            Arrowhead(gfx, x1, y1, x2, y2);
        }
        foreach (var l in labels)
        {
            var size = gfx.MeasureString(l.Text, small);
            var centre = new XPoint(l.Box.X + l.Box.Width / 2, l.Box.Y + l.Box.Height / 2);
            gfx.DrawRectangle(XBrushes.White, centre.X - size.Width / 2 - 2, centre.Y - size.Height / 2, size.Width + 4, size.Height);
            gfx.DrawString(l.Text, small, new XSolidBrush(Label), centre, XStringFormats.Center);
        }
        foreach (var n in nodes)
        {
            var customer = n.Key == OwnershipGraph.CustomerKey;
            var fill = customer ? XColor.FromArgb(0xe3, 0xf2, 0xfd) : n.Beneficial ? XColor.FromArgb(0xff, 0xf3, 0xe0) : XColors.White;
            var stroke = customer ? XColor.FromArgb(0x15, 0x65, 0xc0) : n.Beneficial ? XColor.FromArgb(0xe6, 0x51, 0x00) : XColor.FromArgb(0x90, 0xa4, 0xae);
            var pen = new XPen(stroke, n.Beneficial || customer ? 2 : 0.8);
            var radius = n.Individual ? 22 : 4;
            gfx.DrawRoundedRectangle(pen, new XSolidBrush(fill), n.X, n.Y, NodeWidth, NodeHeight, radius * 2, radius * 2);
            var sub = customer ? "customer" : (n.Individual ? "individual" : "entity") + (n.Beneficial ? " · beneficial owner" : "");
            gfx.DrawString(OwnershipChartSvg.Truncate(n.Name), n.Beneficial ? bold : font, new XSolidBrush(Name),
                new XPoint(n.X + NodeWidth / 2, n.Y + 17), XStringFormats.Center);
            gfx.DrawString(sub, small, new XSolidBrush(Sub), new XPoint(n.X + NodeWidth / 2, n.Y + 32), XStringFormats.Center);
        }
    }

    private static void Arrowhead(XGraphics gfx, double x1, double y1, double x2, double y2)
    {
        var angle = Math.Atan2(y2 - y1, x2 - x1);
        const double length = 7, spread = 0.45;
        XPoint[] head =
        [
            new(x2, y2),
            new(x2 - length * Math.Cos(angle - spread), y2 - length * Math.Sin(angle - spread)),
            new(x2 - length * Math.Cos(angle + spread), y2 - length * Math.Sin(angle + spread)),
        ];
        gfx.DrawPolygon(new XSolidBrush(Line), head, XFillMode.Winding);
    }

    private static XFont Font(double size, bool bold) =>
        new(PdfFonts.Sans, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
