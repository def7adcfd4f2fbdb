using System.Security.Cryptography;
using IaasKyc.Portal.Security;
using Microsoft.Extensions.Configuration;

namespace IaasKyc.Tests.Security;

public sealed class FieldCipherTests
{
    private readonly FieldCipher cipher = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void An_encrypted_value_decrypts_to_the_original_and_never_shows_it()
    {
        var stored = cipher.Encrypt("P1234567");

        Assert.StartsWith("enc1:", stored);
        Assert.DoesNotContain("P1234567", stored);
        Assert.Equal("P1234567", cipher.Decrypt(stored));
        Assert.NotEqual(stored, cipher.Encrypt("P1234567"));
    }

    [Fact]
    public void A_changed_ciphertext_or_another_master_key_is_refused()
    {
        var stored = cipher.Encrypt("P1234567");
        var bytes = Convert.FromBase64String(stored["enc1:".Length..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt("enc1:" + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => new FieldCipher(RandomNumberGenerator.GetBytes(32)).Decrypt(stored));
    }

    [Fact]
    public void A_master_key_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new FieldCipher(new byte[16]));
    }

    [Fact]
    public void A_wrapped_key_unwraps_to_the_same_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(key, cipher.UnwrapKey(cipher.WrapKey(key)));
    }

    [Theory]
    [InlineData("P1234567", "••••4567")]
    [InlineData("GB29NWBK60161331926819", "••••••••6819")]
    [InlineData("1234", "••••")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_shows_the_last_four_characters_only(string? value, string expected)
    {
        Assert.Equal(expected, FieldCipher.Mask(value));
    }

    [Fact]
    public void The_master_key_file_is_created_once_readable_by_the_owner_only_and_reused()
    {
        var root = Path.Combine(Path.GetTempPath(), "iaaskyc-tests", Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:MasterKeyFile"] = "keys/master.key" }).Build();
        try
        {
            var first = FieldCipher.FromConfiguration(config, root);
            var stored = first.Encrypt("P1234567");
            var second = FieldCipher.FromConfiguration(config, root);

            Assert.Equal("P1234567", second.Decrypt(stored));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, "keys", "master.key")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
