using System.Security.Cryptography;
using IaasKyc.Portal.Data;
using IaasKyc.Portal;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The document services wired as the portal wires them (audit interceptor, keyring, cipher, clock) over one open
/// SQLite in-memory connection, plus reading a PDF back as text.
/// </summary>
public sealed class PdfTestServices : IDisposable
{
    private readonly SqliteConnection connection = new("Filename=:memory:");
    private readonly ServiceProvider provider;
    private readonly IServiceScope scope;

    public PdfTestServices()
    {
        connection.Open();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton(_ => PdfFonts.Registered);
        services.AddPortalData(o => o.UseSqlite(connection));
        services.AddPortalFeatures();
        provider = services.BuildServiceProvider(validateScopes: true);
        scope = provider.CreateScope();

        using var db = Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 18, 15, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The text of each page, words joined by single spaces.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    public void Dispose()
    {
        scope.Dispose();
        provider.Dispose();
        connection.Dispose();
    }
}
