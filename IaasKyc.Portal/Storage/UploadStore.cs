using System.Security.Cryptography;
using IaasKyc.Domain;

namespace IaasKyc.Portal.Storage;

public enum UploadKind { Pdf, Png, Jpeg, Text, Csv }

public sealed record StoredUpload(string Id, UploadKind Kind, long Length, string Sha256, string OriginalName);

/// <summary>
/// Uploaded files, kept under <c>Storage:UploadsPath</c> (default data/uploads, outside the web root) under
/// generated names, checked by content (magic bytes), never by extension, and by size.
/// </summary>
public sealed class UploadStore(string root)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public string Root { get; } = root;

    /// <summary>What the content is, judged by its first bytes; null when it is none of the accepted kinds.</summary>
    public static UploadKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return UploadKind.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return UploadKind.Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return UploadKind.Jpeg;
        return null;
    }

    /// <summary>Stores a file if it is one of <paramref name="accepted"/> and at most <paramref name="maxBytes"/>; otherwise returns the finding.</summary>
    public async Task<(StoredUpload? Upload, Finding? Finding)> SaveAsync(Stream content, string originalName, string field,
        IReadOnlyCollection<UploadKind> accepted, long maxBytes = DefaultMaxBytes, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Root);
        var id = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(Root, id + ".part");
        long length = 0;
        // The first bytes may arrive over several reads (a network stream): sniff only once enough are in.
        var head = new byte[8];
        var headLength = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }
                    length += read;
                    if (length > maxBytes)
                        return (null, new Finding("upload.tooLarge", $"The file is larger than {maxBytes / (1024 * 1024)} MB.", field));
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (length == 0) return (null, new Finding("upload.empty", "The file is empty.", field));
            var kind = Sniff(head.AsSpan(0, headLength));
            if (kind is null || !accepted.Contains(kind.Value))
                return (null, new Finding("upload.type", $"The file's content is not {string.Join(", ", accepted)}: it was refused whatever its name says.", field));
            if (Polyglot(await File.ReadAllBytesAsync(temp, ct)) is { } hidden)
                return (null, new Finding("upload.polyglot", $"The file also carries {hidden}: it was refused. Save it again as a plain scan or PDF.", field));
            File.Move(temp, PathOf(id));
            return (new StoredUpload(id, kind.Value, length, Convert.ToHexStringLower(sha.GetHashAndReset()), Path.GetFileName(originalName)), null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// What a file of an accepted kind also carries that a scan never needs: an archive appended or embedded (a polyglot
    /// such as JPEG+ZIP, or a zip bomb riding along), markup a browser would run, or PDF scripts, launch actions and
    /// embedded files. Null when there is none.
    /// </summary>
    public static string? Polyglot(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("PK\u0003\u0004"u8) >= 0 && content.IndexOf("PK\u0005\u0006"u8) >= 0) return "an archive";
        var lower = new byte[content.Length];
        for (var i = 0; i < content.Length; i++) lower[i] = content[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(content[i] | 0x20) : content[i];
        ReadOnlySpan<byte> text = lower;
        foreach (var marker in (ReadOnlySpan<string>)["<script", "<html", "<svg", "<iframe", "/javascript", "/launch", "/embeddedfile"])
        {
            if (text.IndexOf(System.Text.Encoding.ASCII.GetBytes(marker)) >= 0) return marker.StartsWith('<') ? "web page markup" : "a PDF action or attachment";
        }
        return null;
    }

    public Stream Open(string id) => File.OpenRead(PathOf(id));

    public void Delete(string id)
    {
        var path = PathOf(id);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string id)
    {
        if (id.Length != 32 || !id.All(Uri.IsHexDigit)) throw new ArgumentException("Not an upload id.", nameof(id));
        return Path.Combine(Root, id);
    }
}
