using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ClinicPortal.Bench.ReminderDelivery;

/// <summary>How many messages per second an SMTP server takes from a plain MailKit client: several connections, each reused for its share.</summary>
public static class SinkCapacity
{
    public static async Task<double> MeasureAsync(int port, int messages, int connections)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            for (var i = c; i < messages; i += connections)
            {
                var message = new MimeMessage { Subject = "Session reminder from Bench Clinic", Body = new TextPart("plain") { Text = $"Capacity probe {i}.\n\nSign in for details: http://127.0.0.1/account/sign-in" } };
                message.From.Add(MailboxAddress.Parse("no-reply@clinicportal.local"));
                message.To.Add(MailboxAddress.Parse($"probe{i}@example.org"));
                message.MessageId = $"probe.{i}@bench";
                await client.SendAsync(message);
            }
            await client.DisconnectAsync(true);
        }));
        return messages / clock.Elapsed.TotalSeconds;
    }
}
