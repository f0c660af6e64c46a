using System.Net;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reminders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Reminders;

/// <summary>
/// Reminders over real SMTP with a hand-driven clock; Hangfire polls the outbox every second. The outbox
/// is the ledger: each test waits (with a deadline) until the rows say the work is done, then checks that
/// the mail received matches them exactly. Once no row is claimable, no further mail can go out, so an
/// exact count needs no sleep.
/// </summary>
public sealed class ReminderDeliveryTests : IDisposable
{
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(13), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    private static IEnumerable<KeyValuePair<string, string>> At(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, ClinicZone);
        return [new("Date", local.ToString("yyyy-MM-dd")), new("Time", local.ToString("HH:mm")), new("DurationMinutes", "50"), new("Modality", "Video")];
    }

    private static async Task<Guid> ScheduleAsync(BrowserSession s, Guid clientId, DateTimeOffset at)
    {
        var path = $"/clinician/clients/{clientId}/sessions";
        var response = await s.PostFormAsync(path, path, At(at));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await s.GetPageAsync(path);
        return Guid.Parse(System.Text.RegularExpressions.Regex.Matches(html, $@"{path}/([0-9a-f\-]{{36}})/ics").Select(m => m.Groups[1].Value)
            .Except(SeenSessions).First(id => SeenSessions.Add(id)));
    }

    private static readonly HashSet<string> SeenSessions = [];

    [Fact]
    public async Task Schedule_reschedule_and_cancel_send_exactly_the_right_reminders_at_the_right_times()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var soon = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Sol Soon", "sol.soon@example.org");
        var moved = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Mo Moved", "mo.moved@example.org");
        var gone = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Cy Cancelled", "cy.cancelled@example.org");
        Guid[] ours = [soon.Id, moved.Id, gone.Id];
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        await ScheduleAsync(s, soon.Id, _t0.AddHours(3));                   // inside the 24 h lead: only the 2 h reminder (due t0+1h)
        var movedId = await ScheduleAsync(s, moved.Id, _t0.AddHours(30));  // reminders t0+6h and t0+28h ...
        var goneId = await ScheduleAsync(s, gone.Id, _t0.AddHours(26));    // reminders t0+2h and t0+24h, then cancelled
        var path = $"/clinician/clients/{moved.Id}/sessions";
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync($"{path}/{movedId}/edit", $"{path}/{movedId}/edit", At(_t0.AddHours(50)))).StatusCode); // ... now t0+26h and t0+48h
        var gonePath = $"/clinician/clients/{gone.Id}/sessions";
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync(gonePath, $"{gonePath}/{goneId}/status", [new("status", "Cancelled")])).StatusCode);

        // Demo sessions have reminders too; count only our three clients' mail.
        IReadOnlyList<ReceivedMail> Ours() => _smtp.Messages().Where(m => m.To.EndsWith("@example.org")).ToList();
        async Task<List<OutboxMessage>> Rows()
        {
            await using var scope = app.SystemScope();
            return await app.SystemDb(scope).Set<OutboxMessage>().Where(m => ours.Contains(m.ClientId)).ToListAsync();
        }
        // Settled: every one of our rows is sent, cancelled, or pending until later than now.
        async Task<List<OutboxMessage>> SettledAsync(int sent) => await WaitForRowsAsync(app, Rows, rows =>
            rows.Count(r => r.Status == OutboxStatus.Sent) == sent
            && rows.All(r => r.Status is OutboxStatus.Sent or OutboxStatus.Cancelled || (r.Status == OutboxStatus.Pending && r.NextAttemptAt > app.Clock.GetUtcNow())));

        // Nothing is due yet: a complete pass of the dispatcher sends nothing of ours.
        await app.Services.GetRequiredService<OutboxDispatcher>().SendBatchAsync(CancellationToken.None);
        var planned = await SettledAsync(sent: 0);
        Assert.Equal(3, planned.Count(r => r.Status == OutboxStatus.Pending)); // soon 1, moved 2 (re-planned), gone 0 (cancelled)
        Assert.Equal(2 + 2, planned.Count(r => r.Status == OutboxStatus.Cancelled)); // moved's first two, gone's two
        Assert.Empty(Ours());

        app.Clock.Set(_t0.AddHours(1).AddMinutes(5));
        await SettledAsync(sent: 1);
        var first = Assert.Single(Ours());
        Assert.Equal("sol.soon@example.org", first.To);

        app.Clock.Set(_t0.AddHours(26).AddMinutes(5)); // the moved session's 24 h reminder; the cancelled one's would be now too
        await SettledAsync(sent: 2);
        Assert.Equal(2, Ours().Count);

        app.Clock.Set(_t0.AddHours(48).AddMinutes(5));
        var rows = await SettledAsync(sent: 3);
        var all = Ours();
        Assert.Equal(3, all.Count);
        Assert.Equal(2, all.Count(m => m.To == "mo.moved@example.org"));
        Assert.DoesNotContain(all, m => m.To == "cy.cancelled@example.org");
        Assert.Equal(all.Count, all.Select(m => m.MessageId).Distinct().Count());
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Sent), r => Assert.Equal(1, r.Attempts));

        // Minimum content: clinic, time, format, link — no names, no clinical words.
        foreach (var m in all)
        {
            Assert.Contains("https://portal.example.test/account/sign-in", m.Body);
            Assert.Contains("Video", m.Body);
            Assert.DoesNotContain("Mo Moved", m.Text);
            Assert.DoesNotContain("Confidential concern", m.Text);
            Assert.DoesNotContain("Morgan", m.Text);
        }

        // Hangfire's tables held the whole cycle (delayed jobs per reminder, polls, batches) by ids alone.
        var hangfire = await HangfireTextAsync(app.ConnectionString);
        Assert.Contains(nameof(OutboxJobs.SendOneAsync), hangfire);
        Assert.Contains(nameof(OutboxJobs.SendBatchAsync), hangfire);
        foreach (var secret in new[] { "Sol Soon", "Mo Moved", "Cy Cancelled", "example.org", "Morgan", "morgan.example", "Video", "Confidential", "Jordan", "demo.clinicportal.test" })
            Assert.DoesNotContain(secret, hangfire, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_reminders_wait_and_arrive_after_it_returns()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0), demo: false);
        var clinician = await ReminderArrange.CreateClinicianAsync(app);
        // Down before anything is due, so no reminder can slip out first.
        _smtp.Stop();
        var clients = await ReminderArrange.QueueDueAsync(app, clinician, 5, _t0.AddMinutes(-1));

        var waiting = await WaitForRowsAsync(app, AllRows(app), rows => rows.Count == 5
            && rows.All(m => m.Status == OutboxStatus.Pending && m.Attempts >= 1 && m.LastError != null));
        Assert.All(waiting, m => Assert.Contains($"127.0.0.1:{_smtp.Port}", m.LastError)); // a transient failure, with the reason
        Assert.Equal(0, _smtp.Count());

        _smtp.Start();
        app.Clock.Advance(TimeSpan.FromMinutes(10)); // past the backoff
        await WaitForRowsAsync(app, AllRows(app), rows => rows.All(m => m.Status == OutboxStatus.Sent));

        var mail = _smtp.Messages();
        Assert.Equal(5, mail.Count); // every row is sent, so nothing more can follow
        Assert.Equal(clients.Select(c => c.Item1).Order(), mail.Select(m => m.To).Order());
    }

    [Fact]
    public async Task Invalid_missing_or_refused_addresses_fail_with_a_masked_reason_and_others_still_go()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0), demo: false);
        var clinician = await ReminderArrange.CreateClinicianAsync(app);
        var good = await ReminderArrange.QueueDueAsync(app, clinician, 1, _t0.AddMinutes(-1));
        var noEmail = await ReminderArrange.QueueForAsync(app, clinician, null, _t0.AddMinutes(-1));
        var badEmail = await ReminderArrange.QueueForAsync(app, clinician, "broken@", _t0.AddMinutes(-1), raw: true);
        var refused = await ReminderArrange.QueueForAsync(app, clinician, $"{SmtpSink.RefusedPrefix}.reader@example.org", _t0.AddMinutes(-1));

        var rows = await WaitForRowsAsync(app, AllRows(app), r => r.Count(m => m.Status == OutboxStatus.Failed) == 3 && r.Count(m => m.Status == OutboxStatus.Sent) == 1);

        Assert.Equal(OutboxStatus.Sent, rows.Single(r => r.ClientId == good[0].Item2).Status);
        foreach (var id in new[] { noEmail, badEmail })
        {
            var row = rows.Single(r => r.ClientId == id);
            Assert.Contains("no valid email", row.LastError);
            Assert.Equal(1, row.Attempts);
        }
        // The server's 550 is permanent: failed at the first attempt, its reason kept with the address masked.
        var refusal = rows.Single(r => r.ClientId == refused);
        Assert.Equal(1, refusal.Attempts);
        Assert.StartsWith("SMTP 550", refusal.LastError);
        Assert.Contains("r***@example.org", refusal.LastError);
        Assert.DoesNotContain("reader", refusal.LastError);
        Assert.Equal(good[0].Item1, Assert.Single(_smtp.Messages()).To);

        // An administrator sees the reasons, masked, and can retry; the row goes back to the queue.
        var adminSession = await Arrange.SignedInAsync(app, "boot.admin@example.org", "Boot-Admin-Pass-1!");
        var page = await adminSession.GetPageAsync("/admin/outbox?status=Failed");
        Assert.Contains("no valid email", page);
        Assert.Contains("SMTP 550", page);
        Assert.DoesNotContain("broken@", page);
        Assert.DoesNotContain("refused.reader", page);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_deliver_200_due_reminders_exactly_once()
    {
        var database = TestCluster.CreateDatabase("twoinstances");
        var clock = new ManualClock(_t0); // one clock for both, so the reminders fall due for both at the same moment
        await using var one = new ReminderApp(_smtp, clock, demo: false, connectionString: database, batchSize: 10);
        await using var two = new ReminderApp(_smtp, clock, demo: false, connectionString: database, batchSize: 10);
        var clinician = await ReminderArrange.CreateClinicianAsync(one);
        _ = two.Services; // start the second instance (and its Hangfire servers) on the same database
        var queued = await ReminderArrange.QueueDueAsync(one, clinician, 200, _t0.AddMinutes(5));

        // All 200 fall due at once; both instances send batches straight away, on top of the batch jobs their Hangfire workers take.
        clock.Set(_t0.AddMinutes(6));
        await Task.WhenAll(
            one.Services.GetRequiredService<OutboxDispatcher>().SendBatchAsync(CancellationToken.None),
            two.Services.GetRequiredService<OutboxDispatcher>().SendBatchAsync(CancellationToken.None));
        var rows = await WaitForRowsAsync(one, AllRows(one), r => r.Count == 200 && r.All(m => m.Status == OutboxStatus.Sent));

        var mail = _smtp.Messages();
        Assert.Equal(200, mail.Count);
        Assert.Equal(200, mail.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(queued.Select(q => q.Item1).Order(), mail.Select(m => m.To).Order());
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
        string[] senders = [one.Services.GetRequiredService<OutboxDispatcher>().Sender, two.Services.GetRequiredService<OutboxDispatcher>().Sender];
        Assert.All(rows, m => Assert.Contains(m.ClaimedBy, senders));
        Assert.Equal(2, rows.Select(m => m.ClaimedBy).Distinct().Count()); // both instances sent
    }

    private static Func<Task<List<OutboxMessage>>> AllRows(ClinicAppFactory app) => async () =>
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<OutboxMessage>().ToListAsync();
    };

    /// <summary>Polls the outbox until <paramref name="done"/> holds (90 s at most), then returns the rows; fails with what it saw.</summary>
    private static async Task<List<OutboxMessage>> WaitForRowsAsync(ClinicAppFactory app, Func<Task<List<OutboxMessage>>> rows, Func<List<OutboxMessage>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<OutboxMessage> seen;
        do
        {
            seen = await rows();
            if (done(seen)) return seen;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        var dump = string.Join("; ", seen.Select(m => $"{m.Status}/{m.Attempts}/{m.NextAttemptAt:HH:mm:ss}/{m.LastError}"));
        var clock = app is ReminderApp r ? r.Clock.GetUtcNow().ToString("O") : "-";
        Assert.Fail($"Outbox not as expected within 90 s: {dump}. Clock: {clock}. Log: " +
                    string.Join("\n", app.Logs.Lines.Where(l => !l.StartsWith("Debug") && !l.StartsWith("Trace")).TakeLast(15)));
        return seen;
    }

    /// <summary>Every value in every table of Hangfire's schema, as text.</summary>
    /// <summary>Every row of Hangfire's tables as text, for "job arguments are ids only" checks (also ProtectiveOrderReminderTests).</summary>
    internal static async Task<string> HangfireTextAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_type = 'BASE TABLE'", connection))
        await using (var r = await list.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        Assert.Contains("job", tables);
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM hangfire.\"{table}\" t", connection);
            text.AppendLine((string)(await dump.ExecuteScalarAsync())!);
        }
        return text.ToString();
    }
}
