using ClinicPortal.Core.Reminders;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ClinicPortal.IntegrationTests.Reminders;

/// <summary>The app is killed (SIGKILL) in the middle of a batch and started again.</summary>
public sealed class KillRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Count = 300, Parallelism = 2;
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task A_hard_kill_mid_batch_loses_nothing_and_repeats_at_most_the_messages_in_flight()
    {
        var database = TestCluster.CreateDatabase("kill");
        var scratch = TestCluster.CreateScratchDirectory();
        var settings = new Dictionary<string, string>
        {
            ["ClinicPortal:DataDirectory"] = scratch,
            [TestKeyRing.Setting.Key] = TestKeyRing.Setting.Value,
            ["ClinicPortal:Mail:SmtpHost"] = "127.0.0.1",
            ["ClinicPortal:Mail:SmtpPort"] = _smtp.Port.ToString(),
            ["ClinicPortal:Outbox:PollSeconds"] = "1",
            ["ClinicPortal:Outbox:Parallelism"] = Parallelism.ToString(),
            ["ClinicPortal:Outbox:LeaseSeconds"] = "3",
            ["ClinicPortal:BootstrapAdmin:Email"] = "kill.admin@example.org",
            ["ClinicPortal:BootstrapAdmin:Password"] = "Kill-Admin-Pass-1!",
        };

        // Arrange the clinic in-process with sending switched off (batch size 0), then leave.
        var queued = new List<(string Email, Guid ClientId)>();
        await using (var setup = new ClinicAppFactory(demo: false, new Dictionary<string, string?> { ["ClinicPortal:Outbox:BatchSize"] = "0" }, database))
        {
            var clinician = await ReminderArrange.CreateClinicianAsync(setup);
            queued = await ReminderArrange.QueueDueAsync(setup, clinician, Count, DateTimeOffset.UtcNow.AddMinutes(-1));
        }

        using (var first = await PortalProcess.StartAsync(database, settings))
        {
            await _smtp.WaitForAsync(Count / 3, TimeSpan.FromSeconds(60));
            first.KillHard();
        }
        var atKill = _smtp.Messages().Count;
        var inFlight = await CountAsync(database, OutboxStatus.Sending);
        output.WriteLine($"killed after {atKill} of {Count} messages; {inFlight} rows were mid-send");
        Assert.InRange(atKill, 1, Count - 1); // the kill really landed mid-batch

        using (await PortalProcess.StartAsync(database, settings))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && await CountAsync(database, OutboxStatus.Sent) < Count) await Task.Delay(250);
        }
        // Every row is sent (asserted below), so nothing more can go out: the count is final.

        var mail = _smtp.Messages();
        var duplicates = mail.Count - mail.Select(m => m.MessageId).Distinct().Count();
        output.WriteLine($"received {mail.Count} messages for {Count} reminders; repeated: {duplicates}");
        Assert.Equal(Count, await CountAsync(database, OutboxStatus.Sent));
        Assert.Equal(queued.Select(q => q.Email).Order(), mail.Select(m => m.To).Distinct().Order()); // none lost
        // A message whose SMTP "250 OK" arrived just before the kill, but whose "sent" was not yet
        // recorded, is the only one that can go out again; it carries the same Message-ID.
        Assert.InRange(duplicates, 0, Parallelism);
    }

    private static async Task<int> CountAsync(string database, OutboxStatus status)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE status = @s", connection);
        command.Parameters.AddWithValue("s", (int)status);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
