using System.Net;
using System.Net.Mail;

namespace IaasKyc.Portal.Mail;

public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Outgoing mail: through SMTP when <c>Mail:Smtp:Host</c> is set, otherwise written as .eml files to <c>Mail:PickupFolder</c>.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

public sealed class PickupFolderMailSender(string folder, string from, TimeProvider clock) : IMailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var text = $"From: {from}\r\nTo: {Clean(mail.To)}\r\nSubject: {Clean(mail.Subject)}\r\nDate: {now:R}\r\n" +
                   "Content-Type: text/plain; charset=utf-8\r\n\r\n" + mail.Body.Replace("\r\n", "\n").Replace("\n", "\r\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text, ct);
    }

    // Header injection: a line break in a header value would start a new header.
    private static string Clean(string value) => value.Replace("\r", " ").Replace("\n", " ");
}

public sealed class SmtpMailSender(string host, int port, bool ssl, string? user, string? password, string from) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        using var client = new SmtpClient(host, port) { EnableSsl = ssl };
        if (!string.IsNullOrEmpty(user)) client.Credentials = new NetworkCredential(user, password);
        using var message = new MailMessage(from, mail.To, mail.Subject, mail.Body);
        await client.SendMailAsync(message, ct);
    }
}

public static class MailRegistration
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var from = config["Mail:From"] ?? "iaaskyc@localhost";
        var host = config["Mail:Smtp:Host"];
        if (!string.IsNullOrWhiteSpace(host))
        {
            services.AddSingleton<IMailSender>(new SmtpMailSender(host, config.GetValue("Mail:Smtp:Port", 587),
                config.GetValue("Mail:Smtp:EnableSsl", true), config["Mail:Smtp:User"], config["Mail:Smtp:Password"], from));
        }
        else
        {
            var folder = Path.GetFullPath(config["Mail:PickupFolder"] ?? Path.Combine("data", "mail"), contentRoot);
            services.AddSingleton<IMailSender>(sp => new PickupFolderMailSender(folder, from, sp.GetRequiredService<TimeProvider>()));
        }
        return services;
    }
}
