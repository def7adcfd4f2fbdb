using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// Serves the embedded DejaVu fonts to PDFsharp, so that documents look the same on every machine and show
/// accented Latin, Greek and Cyrillic. PDFsharp accepts one resolver per process: <see cref="Registered"/> sets it once.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold", MonoFace = "DejaVuSansMono";

    private static readonly Lazy<PdfFonts> Shared = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, byte[]> files = new();

    private PdfFonts() { }

    /// <summary>The resolver, registered with PDFsharp on first use (thread-safe, once per process).</summary>
    public static PdfFonts Registered => Shared.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Any other family falls back to DejaVu Sans rather than failing the document.
        if (familyName.Equals(Mono, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(MonoFace, bold, italic);
        return new FontResolverInfo(bold ? Bold : Regular, false, italic);
    }

    public byte[]? GetFont(string faceName) => files.GetOrAdd(faceName, Load);

    private static PdfFonts Register()
    {
        var fonts = new PdfFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    }

    private static byte[] Load(string faceName)
    {
        var assembly = typeof(PdfFonts).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Fonts.{faceName}.ttf", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
