using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IaasKyc.Portal.Security;

/// <summary>
/// Encrypts the Data Protection keys (which sign the sign-in cookies and antiforgery tokens) with the master key before they
/// are stored, in the shared database on PostgreSQL or the keys folder on SQLite: whoever reads the table or a dump cannot
/// forge a sign-in. AES-256-GCM through <see cref="FieldCipher"/>.
/// </summary>
public sealed class MasterKeyXmlEncryptor(FieldCipher cipher) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey", new XComment(" Encrypted with the IaasKyc master key (AES-256-GCM). "),
            new XElement("value", cipher.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))), typeof(MasterKeyXmlDecryptor));
}

/// <summary>Reads what <see cref="MasterKeyXmlEncryptor"/> wrote; Data Protection creates it with the application's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value ?? throw new InvalidOperationException("The encrypted key has no value.");
        return XElement.Parse(services.GetRequiredService<FieldCipher>().Decrypt(value));
    }
}
