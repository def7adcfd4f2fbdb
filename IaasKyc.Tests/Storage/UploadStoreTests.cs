using System.Security.Cryptography;
using IaasKyc.Portal.Storage;

namespace IaasKyc.Tests.Storage;

public sealed class UploadStoreTests : IDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly string root = Path.Combine(Path.GetTempPath(), "iaaskyc-tests", Guid.NewGuid().ToString("N"));
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_file_is_stored_under_a_generated_name_with_its_size_and_sha256()
    {
        var store = new UploadStore(root);

        var (upload, finding) = await store.SaveAsync(new MemoryStream(Pdf), "../../passport scan.pdf", "evidence", [UploadKind.Pdf], ct: ct);

        Assert.Null(finding);
        Assert.NotNull(upload);
        Assert.Equal((UploadKind.Pdf, Pdf.Length, "passport scan.pdf"), (upload.Kind, upload.Length, upload.OriginalName));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), upload.Sha256);
        Assert.Equal([upload.Id], Directory.GetFiles(root).Select(Path.GetFileName));
        await using var stored = store.Open(upload.Id);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy, ct);
        Assert.Equal(Pdf, copy.ToArray());
    }

    [Fact]
    public async Task The_content_decides_the_kind_whatever_the_name_says()
    {
        var store = new UploadStore(root);

        var (upload, finding) = await store.SaveAsync(new MemoryStream(Pdf), "photo.png", "photo", [UploadKind.Png, UploadKind.Jpeg], ct: ct);

        Assert.Null(upload);
        Assert.Equal(("upload.type", "photo"), (finding?.Code, finding?.Field));
        Assert.Empty(Directory.GetFiles(root));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_left_behind()
    {
        var store = new UploadStore(root);
        var big = new byte[3 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var (upload, finding) = await store.SaveAsync(new MemoryStream(big), "big.pdf", "evidence", [UploadKind.Pdf], maxBytes: 2 * 1024 * 1024, ct: ct);

        Assert.Null(upload);
        Assert.Equal("upload.tooLarge", finding?.Code);
        Assert.Empty(Directory.GetFiles(root));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var store = new UploadStore(root);

        var (upload, finding) = await store.SaveAsync(new MemoryStream(), "empty.pdf", "evidence", [UploadKind.Pdf], ct: ct);

        Assert.Null(upload);
        Assert.Equal("upload.empty", finding?.Code);
    }

    [Fact]
    public async Task A_stream_that_delivers_a_few_bytes_at_a_time_is_still_recognised()
    {
        var store = new UploadStore(root);

        var (upload, finding) = await store.SaveAsync(new TrickleStream(Png, chunk: 3), "logo.png", "logo", [UploadKind.Png], ct: ct);

        Assert.Null(finding);
        Assert.Equal((UploadKind.Png, Png.Length), (upload?.Kind, upload?.Length));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcde/")]
    [InlineData("")]
    public void An_id_that_is_not_a_generated_one_is_refused(string id)
    {
        var store = new UploadStore(root);

        Assert.Throws<ArgumentException>(() => store.Open(id));
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    /// <summary>A zip whose one entry expands from about 20 KB to 20 MB of zeros (a ratio of about 1,000).</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++) entry.Write(zeros);
        }
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "a zip bomb named as a Word file", ZipBomb(), "upload.type" },
        { "HTML named as a PDF", "<!doctype html><html><script>alert(1)</script></html>"u8.ToArray(), "upload.type" },
        { "a GIF", "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), "upload.type" },
        { "a JPEG with a zip bomb appended", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64], 0xFF, 0xD9, .. ZipBomb()], "upload.polyglot" },
        { "a PDF that runs JavaScript", "%PDF-1.7\n1 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n%%EOF\n"u8.ToArray(), "upload.polyglot" },
        { "a PDF that launches a program", "%PDF-1.7\n1 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n%%EOF\n"u8.ToArray(), "upload.polyglot" },
        { "a PNG that is also a web page", [.. Png, .. "<HTML><SCRIPT>alert(1)</SCRIPT>"u8], "upload.polyglot" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Wrong_content_polyglots_and_zip_bombs_are_refused_and_nothing_is_left_behind(string what, byte[] content, string code)
    {
        var store = new UploadStore(root);

        var (upload, finding) = await store.SaveAsync(new MemoryStream(content), "evidence.pdf", "file", [UploadKind.Pdf, UploadKind.Png, UploadKind.Jpeg], ct: ct);

        Assert.True(upload is null, what);
        Assert.Equal((code, "file"), (finding?.Code, finding?.Field));
        Assert.Empty(Directory.GetFiles(root));
    }
}
