using IaasKyc.Portal.Mail;
using Microsoft.Extensions.Time.Testing;

namespace IaasKyc.Tests.Mail;

public sealed class MailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "iaaskyc-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_mail_is_written_to_the_pickup_folder_as_an_eml_file_with_CRLF_lines()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 14, 0, 0, TimeSpan.Zero));
        var sender = new PickupFolderMailSender(folder, "iaaskyc@localhost", clock);

        await sender.SendAsync(new OutgoingMail("reseller@example.com", "Attestation due", "Please sign.\nThank you."), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file);
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith("From: iaaskyc@localhost\r\nTo: reseller@example.com\r\nSubject: Attestation due\r\nDate: Mon, 15 Jun 2026 14:00:00 GMT\r\n", text);
        Assert.EndsWith("\r\n\r\nPlease sign.\r\nThank you.", text);
    }

    [Fact]
    public async Task A_line_break_in_a_header_value_cannot_add_a_header()
    {
        var sender = new PickupFolderMailSender(folder, "iaaskyc@localhost", TimeProvider.System);

        await sender.SendAsync(new OutgoingMail("victim@example.com\r\nBcc: attacker@example.com", "Hello\nX-Injected: yes", "Body"),
            TestContext.Current.CancellationToken);

        var lines = (await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder)), TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.DoesNotContain(lines, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.StartsWith("X-Injected:", StringComparison.OrdinalIgnoreCase));
    }
}
