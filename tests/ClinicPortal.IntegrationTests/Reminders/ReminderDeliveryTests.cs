using System.Net;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Reminders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Reminders;

/// <summary>Reminders over real SMTP with a hand-driven clock: the Quartz job polls every second.</summary>
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
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        await ScheduleAsync(s, soon.Id, _t0.AddHours(3));                   // inside the 24 h lead: only the 2 h reminder (due t0+1h)
        var movedId = await ScheduleAsync(s, moved.Id, _t0.AddHours(30));  // reminders t0+6h and t0+28h ...
        var goneId = await ScheduleAsync(s, gone.Id, _t0.AddHours(26));    // reminders t0+2h and t0+24h, then cancelled
        var path = $"/clinician/clients/{moved.Id}/sessions";
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync($"{path}/{movedId}/edit", $"{path}/{movedId}/edit", At(_t0.AddHours(50)))).StatusCode); // ... now t0+26h and t0+48h
        var gonePath = $"/clinician/clients/{gone.Id}/sessions";
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync(gonePath, $"{gonePath}/{goneId}/status", [new("status", "Cancelled")])).StatusCode);

        // Demo sessions have reminders too; count only our three clients' mail.
        IReadOnlyList<ReceivedMail> Ours() => _smtp.Messages().Where(m => m.To.Contains("@example.org")).ToList();
        await Task.Delay(2500);
        Assert.Empty(Ours()); // nothing due yet

        app.Clock.Set(_t0.AddHours(1).AddMinutes(5));
        await WaitFor(() => Ours().Count >= 1);
        await Task.Delay(2500);
        var first = Ours();
        Assert.Single(first);
        Assert.Contains("sol.soon@example.org", first[0].To);

        app.Clock.Set(_t0.AddHours(26).AddMinutes(5)); // the moved session's 24 h reminder; the cancelled one's would be now too
        await WaitFor(() => Ours().Count >= 2);
        await Task.Delay(2500);
        Assert.Equal(2, Ours().Count);

        app.Clock.Set(_t0.AddHours(48).AddMinutes(5));
        await WaitFor(() => Ours().Count >= 3);
        await Task.Delay(2500);
        var all = Ours();
        Assert.Equal(3, all.Count);
        Assert.Equal(2, all.Count(m => m.To.Contains("mo.moved@")));
        Assert.DoesNotContain(all, m => m.To.Contains("cy.cancelled@"));
        Assert.Equal(all.Count, all.Select(m => m.MessageId).Distinct().Count());

        // Minimum content: clinic, time, format, link — no names, no clinical words.
        foreach (var m in all)
        {
            Assert.Contains("https://portal.example.test/account/sign-in", m.Body);
            Assert.Contains("Video", m.Body);
            Assert.DoesNotContain("Mo Moved", m.Body + m.Subject);
            Assert.DoesNotContain("Confidential concern", m.Body + m.Subject);
            Assert.DoesNotContain("Morgan", m.Body + m.Subject);
        }
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_reminders_wait_and_arrive_after_it_returns()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0), demo: false);
        var admin = await ReminderArrange.CreateClinicianAsync(app);
        var clients = await ReminderArrange.QueueDueAsync(app, admin, 5, _t0.AddMinutes(-1));
        _smtp.Stop();

        await WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts >= 1 && m.Status == OutboxStatus.Pending && m.LastError != null));
        Assert.Empty(_smtp.Messages());
        _smtp.Start();
        app.Clock.Advance(TimeSpan.FromMinutes(10)); // past the backoff

        var mail = await _smtp.WaitForAsync(5, TimeSpan.FromSeconds(30));
        await Task.Delay(2000);
        Assert.Equal(5, _smtp.Messages().Count);
        Assert.Equal(clients.Select(c => c.Item1).Order(), mail.Select(m => m.To.Trim('<', '>')).Order());
        await using var scope = app.SystemScope();
        Assert.All(await app.SystemDb(scope).Set<OutboxMessage>().ToListAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_client_without_a_valid_email_is_marked_failed_with_the_reason_and_others_still_go()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0), demo: false);
        var clinician = await ReminderArrange.CreateClinicianAsync(app);
        var good = await ReminderArrange.QueueDueAsync(app, clinician, 1, _t0.AddMinutes(-1));
        var noEmail = await ReminderArrange.QueueForAsync(app, clinician, null, _t0.AddMinutes(-1));
        var badEmail = await ReminderArrange.QueueForAsync(app, clinician, "broken@", _t0.AddMinutes(-1), raw: true);

        await WaitForAsync(app, db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Failed).ContinueWith(t => t.Result == 2));
        await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(20));

        await using var scope = app.SystemScope();
        var rows = await app.SystemDb(scope).Set<OutboxMessage>().ToListAsync();
        Assert.Equal(OutboxStatus.Sent, rows.Single(r => r.ClientId == good[0].Item2).Status);
        foreach (var id in new[] { noEmail, badEmail })
        {
            var row = rows.Single(r => r.ClientId == id);
            Assert.Equal(OutboxStatus.Failed, row.Status);
            Assert.Contains("no valid email", row.LastError);
        }
        Assert.Single(_smtp.Messages());

        // An administrator sees it and can retry; the row goes back to the queue.
        var adminSession = await Arrange.SignedInAsync(app, "boot.admin@example.org", "Boot-Admin-Pass-1!");
        var page = await adminSession.GetPageAsync("/admin/outbox?status=Failed");
        Assert.Contains("no valid email", page);
        Assert.DoesNotContain("broken@", page);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_deliver_200_due_reminders_exactly_once()
    {
        var database = TestCluster.CreateDatabase("twoinstances");
        await using var one = new ReminderApp(_smtp, new ManualClock(_t0), demo: false, connectionString: database);
        await using var two = new ReminderApp(_smtp, new ManualClock(_t0), demo: false, connectionString: database);
        var clinician = await ReminderArrange.CreateClinicianAsync(one);
        _ = two.Services; // start the second instance (and its Quartz node) on the same database
        var queued = await ReminderArrange.QueueDueAsync(one, clinician, 200, _t0.AddMinutes(-1));

        // Both instances dispatch at once, on top of whatever their Quartz nodes fire.
        await Task.WhenAll(
            one.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None),
            two.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        var mail = await _smtp.WaitForAsync(200, TimeSpan.FromSeconds(60));
        await Task.Delay(2500);
        mail = _smtp.Messages();

        Assert.Equal(200, mail.Count);
        Assert.Equal(200, mail.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(queued.Select(q => q.Item1).Order(), mail.Select(m => m.To.Trim('<', '>')).Order());
        await using var scope = one.SystemScope();
        Assert.Equal(200, await one.SystemDb(scope).Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(condition(), "condition not met within 90 s");
    }

    private static async Task WaitForAsync(ClinicAppFactory app, Func<Infrastructure.Database.ClinicDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = app.SystemScope();
            if (await condition(app.SystemDb(scope))) return;
            await Task.Delay(200);
        }
        await using var dump = app.SystemScope();
        var rows = string.Join("; ", (await app.SystemDb(dump).Set<OutboxMessage>().ToListAsync()).Select(m => $"{m.Status}/{m.Attempts}/{m.NextAttemptAt:HH:mm:ss}/{m.LastError}"));
        Assert.Fail($"condition not met within 90 s. Outbox: {rows}. Clock: {((ReminderApp)app).Clock.GetUtcNow():O}. Log: " + string.Join("\n", app.Logs.Lines.Where(l => !l.StartsWith("Debug") && !l.StartsWith("Trace")).TakeLast(15)));
    }
}
