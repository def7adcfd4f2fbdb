using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Security;

/// <summary>Issue 10, item 6: document numbers and payment identifiers are encrypted in the database file itself.</summary>
public sealed class EncryptionAtRestTests
{
    private const string PaymentIdentifier = "GB29NWBK60161331926819";
    private const string DocumentNumber = "HRB-X9Q7-4471-UNIQUE";

    [Fact]
    public async Task The_raw_database_file_holds_neither_the_document_number_nor_the_payment_identifier()
    {
        await using var factory = new ApiFactory();
        await factory.InScopeAsync("test-officer", async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            var input = Customers.ForeignEntity(reference: "ACC-AT-REST") with
            {
                Accounts = [new AccountInput("ACC-AT-REST", new PaymentMeansInput("bankAccount", "GB", PaymentIdentifier), "customer", null)],
            };
            var created = await service.CreateAsync(input, TestContext.Current.CancellationToken);
            Assert.True(created.Ok, created.Message);
            var evidence = await service.AddDocumentaryEvidenceAsync(created.Id!.Value, created.Version!.Value, "Certificate of incorporation",
                DocumentNumber, "DE", null, null, TestContext.Current.CancellationToken);
            Assert.True(evidence.Ok, evidence.Message);
            return 0;
        });
        SqliteConnection.ClearAllPools();

        // The main file and its write-ahead log: whatever SQLite has written anywhere.
        var bytes = new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists).SelectMany(File.ReadAllBytes).ToArray();

        Assert.True(Contains(bytes, Encoding.ASCII.GetBytes("ACC-AT-REST")), "the account reference (stored in clear) should be found: the scan reads the right file");
        Assert.True(Contains(bytes, Encoding.ASCII.GetBytes("enc1:")), "encrypted values carry their prefix");
        foreach (var secret in new[] { PaymentIdentifier, DocumentNumber, PaymentIdentifier[4..], DocumentNumber[4..] })
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{secret} is in the database file in clear (UTF-8)");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"{secret} is in the database file in clear (UTF-16)");
        }
    }

    [Fact]
    public async Task The_keys_that_sign_sign_in_cookies_are_stored_encrypted_with_the_master_key_and_still_work()
    {
        await using var factory = new ApiFactory();
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var token = protector.Protect("signed in as ada@example.com");

        var keys = Directory.GetFiles(Path.Combine(factory.Root, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var xml in keys.Select(File.ReadAllText))
        {
            Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
            Assert.Contains("enc1:", xml, StringComparison.Ordinal);
            // The key's secret is a <masterKey> element with a base64 <value>: never in clear.
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
        // Without the master key the stored keys are useless: a key ring read from the folder cannot check the token.
        var withoutMasterKey = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(factory.Root, "keys")), b => b.SetApplicationName("IaasKyc"));
        Assert.ThrowsAny<CryptographicException>(() => withoutMasterKey.CreateProtector("test").Unprotect(token));
        Assert.Equal("signed in as ada@example.com", protector.Unprotect(token));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
