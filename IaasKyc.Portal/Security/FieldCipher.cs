using System.Security.Cryptography;
using System.Text;

namespace IaasKyc.Portal.Security;

/// <summary>
/// AES-256-GCM for values kept encrypted at rest: identity document numbers, payment identifiers,
/// and the per-subject audit keys (which are wrapped with the master key).
/// The master key comes from <c>Security:MasterKey</c> (base64, 32 bytes) or from a key file created on first start.
/// </summary>
public sealed class FieldCipher
{
    private const string Prefix = "enc1:";
    private readonly byte[] masterKey;

    public FieldCipher(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The master key must be 32 bytes.", nameof(masterKey));
        this.masterKey = masterKey;
    }

    public static FieldCipher FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Security:MasterKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return new FieldCipher(Convert.FromBase64String(configured));

        var path = Path.GetFullPath(configuration["Security:MasterKeyFile"] ?? Path.Combine("data", "keys", "master.key"), contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new FieldCipher(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public string Encrypt(string plain) => Prefix + Convert.ToBase64String(Seal(masterKey, Encoding.UTF8.GetBytes(plain)));

    public string Decrypt(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Open(masterKey, Convert.FromBase64String(stored[Prefix.Length..])))
            : stored;

    public byte[] WrapKey(byte[] key) => Seal(masterKey, key);
    public byte[] UnwrapKey(byte[] wrapped) => Open(masterKey, wrapped);

    /// <summary>nonce (12) | ciphertext | tag (16).</summary>
    public static byte[] Seal(byte[] key, byte[] plain)
    {
        var output = new byte[12 + plain.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(nonce, plain, output.AsSpan(12, plain.Length), output.AsSpan(12 + plain.Length));
        return output;
    }

    public static byte[] Open(byte[] key, byte[] sealedData)
    {
        if (sealedData.Length < 28) throw new CryptographicException("The value is too short to be an encrypted value.");
        var plain = new byte[sealedData.Length - 28];
        using var gcm = new AesGcm(key, 16);
        gcm.Decrypt(sealedData.AsSpan(0, 12), sealedData.AsSpan(12, plain.Length), sealedData.AsSpan(sealedData.Length - 16), plain);
        return plain;
    }

    /// <summary>Shows the last four characters only, as every screen and document does for identifiers.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 4 ? new string('•', value.Length) : new string('•', Math.Min(8, value.Length - 4)) + value[^4..];
}
