// Reminder delivery at scale: N due reminders sent over SMTP by one app instance, then by two instances
// sharing one database (each a separate OS process), with the SMTP sink's own capacity measured first by a
// plain client, and, in the two-instance run, clinicians signing in and booking sessions through nginx
// (round-robin) while the reminders go out. Baseline: the one-instance run of the same invocation.
//
//   dotnet run -c Release --project bench/ReminderDelivery [-- COUNT] [--parallelism N] [--relay-latency-ms N] [--proxied N]
using System.Diagnostics;
using ClinicPortal.Bench.ReminderDelivery;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

const string ClinicianPassword = "Bench-Clinician-1!";
var count = 10_000;
var parallelism = 4;      // outbox workers per instance
var latencyMs = 0;        // the sink's delay before accepting each message (a relay across a network)
var proxied = 12;         // clinicians who sign in and book through nginx in the two-instance run
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--parallelism": parallelism = int.Parse(args[++i]); break;
        case "--relay-latency-ms": latencyMs = int.Parse(args[++i]); break;
        case "--proxied": proxied = int.Parse(args[++i]); break;
        default: count = int.Parse(args[i]); break;
    }
}

// The in-process set-up host needs the web project's folder (test projects get it from their build).
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "ClinicPortal.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLINICPORTAL_WEB", Path.Combine(repo!.FullName, "src", "ClinicPortal.Web"));
Console.WriteLine($"{count} reminders, {parallelism} outbox workers per instance, sink latency {latencyMs} ms, {Environment.ProcessorCount} cores");

await using var sink = new FastSmtpSink(TimeSpan.FromMilliseconds(latencyMs));
double pythonRate;
using (var python = new SmtpSink()) pythonRate = await SinkCapacity.MeasureAsync(python.Port, 2_000, 8);
var sinkRate = await SinkCapacity.MeasureAsync(sink.Port, Math.Max(count, 10_000), 32);
sink.Reset();
Console.WriteLine($"SMTP sink capacity, plain MailKit client: bench sink {sinkRate:F0} msg/s (32 connections); python aiosmtpd (the tests' sink) {pythonRate:F0} msg/s (8 connections)");

var runs = new List<Run>();
foreach (var instances in new[] { 1, 2 })
{
    var database = TestCluster.CreateDatabase("bench");
    var clinic = await SetUpAsync(database, instances == 2 ? proxied : 0);
    var settings = new Dictionary<string, string>
    {
        ["ClinicPortal:DataDirectory"] = TestCluster.CreateScratchDirectory(),
        [TestKeyRing.Setting.Key] = TestKeyRing.Setting.Value, // both instances read each other's keys
        ["ClinicPortal:Mail:SmtpHost"] = "127.0.0.1",
        ["ClinicPortal:Mail:SmtpPort"] = sink.Port.ToString(),
        ["ClinicPortal:Outbox:PollSeconds"] = "1",
        ["ClinicPortal:Outbox:Parallelism"] = parallelism.ToString(),
        ["ClinicPortal:Outbox:BatchSize"] = "100",
        ["ClinicPortal:BootstrapAdmin:Email"] = "bench.admin@example.org",
        ["ClinicPortal:BootstrapAdmin:Password"] = "Bench-Admin-Pass-1!",
        ["ClinicPortal:RequireStaffTwoFactor"] = "false", // the proxied clinicians sign in with a password
        ["ClinicPortal:SecureCookies"] = "false",          // plain http on loopback
        ["Logging:LogLevel:Default"] = "Warning",
    };
    var apps = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => PortalProcess.StartAsync(database, settings)));
    using var proxy = instances == 2 ? await ReverseProxy.StartAsync(TestCluster.CreateScratchDirectory(), apps.Select(a => a.Url)) : null;
    try
    {
        // Bookings through the proxy run while the reminders go out.
        var visitors = proxy is null ? null : new ProxiedClinicians(proxy.Url);
        var booking = visitors is null ? Task.CompletedTask
            : Task.WhenAll(clinic.Proxied.Select(p => visitors.BookAsync(p.Email, ClinicianPassword, p.ClientId, clinic.ReminderDueSoonLocalStart)));

        var cpuBefore = (App: CpuSeconds(apps.Select(a => a.ProcessId)), Database: CpuSeconds(DatabaseBackends(database)));
        await QueueAsync(database, clinic.Clinician, count);
        var deadline = Stopwatch.StartNew();
        while (await ScalarAsync(database, BenchRows("count(*)", "AND m.status = 2")) < count && deadline.Elapsed < TimeSpan.FromMinutes(15))
            await Task.Delay(250);
        await booking;

        var seconds = await ScalarAsync(database, BenchRows("extract(epoch FROM max(m.sent_at) - min(m.sent_at))", ""));
        var senders = await ScalarAsync(database, BenchRows("count(DISTINCT m.claimed_by)", ""));
        var sent = await ScalarAsync(database, BenchRows("count(*)", "AND m.status = 2"));
        var repeats = sink.Received - sink.ByMessageId.Count;
        var (appCpu, databaseCpu) = (CpuSeconds(apps.Select(a => a.ProcessId)) - cpuBefore.App, CpuSeconds(DatabaseBackends(database)) - cpuBefore.Database);
        var run = new Run(instances, sent, seconds, senders, repeats);
        runs.Add(run);
        Console.WriteLine($"{instances} instance(s): {sent} of {count} reminders sent in {seconds:F1} s = {sent / seconds:F0}/s " +
                          $"({seconds * 1000 / count:F2} ms each), senders used: {senders}, messages received: {sink.Received}, repeated Message-IDs: {repeats}; " +
                          $"CPU per reminder: app {appCpu * 1000 / count:F2} ms + PostgreSQL {databaseCpu * 1000 / count:F2} ms (connections alive at the end)");

        if (visitors is not null)
        {
            // Each booking made through the proxy has its 2-hour reminder due within two minutes: wait for all of them.
            var emails = clinic.Proxied.Select(p => p.ClientEmail).ToHashSet();
            while (await ScalarAsync(database, $"SELECT count(*) FROM outbox_messages m JOIN clients c ON c.id = m.client_id WHERE c.email LIKE 'proxied%' AND m.status = 2") < proxied
                   && deadline.Elapsed < TimeSpan.FromMinutes(20))
                await Task.Delay(500);
            var delivered = sink.Recipients.Where(emails.Contains).GroupBy(e => e).ToList();
            var servedBy = string.Join(", ", visitors.ServedBy.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
            Console.WriteLine($"behind nginx (round-robin): {proxied} clinicians signed in and booked a session; requests per instance {servedBy}; " +
                              $"{visitors.CrossInstanceForms} of {2 * proxied} forms were posted to the other instance than the one that served them; " +
                              $"their reminders: {delivered.Count} of {proxied} delivered, {delivered.Count(g => g.Count() > 1)} more than once");
            if (delivered.Count != proxied || delivered.Any(g => g.Count() > 1) || visitors.ServedBy.Count < 2)
                throw new InvalidOperationException("The proxied part of the run did not hold across the two instances.");
        }
        if (sent != count || repeats != 0) throw new InvalidOperationException($"{count - sent} reminders not sent, {repeats} sent twice.");
    }
    finally
    {
        foreach (var app in apps) app.Dispose();
        sink.Reset();
    }
}

var one = runs[0];
var two = runs[1];
var ratio = one.Seconds / two.Seconds;
Console.WriteLine();
Console.WriteLine($"one instance:  {one.Seconds:F1} s for {count} ({count / one.Seconds:F0}/s)   target < 60 s: {(one.Seconds < 60 ? "met" : "NOT met")}");
Console.WriteLine($"two instances: {two.Seconds:F1} s for {count} ({count / two.Seconds:F0}/s)   throughput x{ratio:F2} of one instance, target >= 1.7: {(ratio >= 1.7 ? "met" : "NOT met")}");
Console.WriteLine($"SMTP sink: {sinkRate:F0} msg/s from a plain client, {sinkRate / (count / two.Seconds):F1}x what two instances sent: not the limit");
Console.WriteLine("Timings share the machine with whatever else runs on it; compare the ratio, not the absolute figures.");
return 0;

// User + system CPU seconds the processes have used so far (Linux /proc; 0 for one that is gone).
static double CpuSeconds(IEnumerable<int> pids) => pids.Sum(pid =>
{
    try
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime, stime in clock ticks (100 per second)
    }
    catch (IOException) { return 0; }
});

// The PostgreSQL backends serving one database (their process title names it).
static IEnumerable<int> DatabaseBackends(string connectionString)
{
    var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
    foreach (var dir in Directory.GetDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
        string title;
        try { title = File.ReadAllText(Path.Combine(dir, "cmdline")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
        if (title.StartsWith("postgres: ") && title.Contains($" {database} ")) yield return pid;
    }
}

static string BenchRows(string select, string where) =>
    $"SELECT {select} FROM outbox_messages m JOIN clients c ON c.id = m.client_id WHERE c.email LIKE 'bench%' {where}";

static async Task<double> ScalarAsync(string cs, string sql)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, c);
    return Convert.ToDouble(await cmd.ExecuteScalarAsync());
}

// The clinic without demo data: the bench clinician, and for the proxied part clinicians with one client each.
static async Task<Clinic> SetUpAsync(string database, int proxiedCount)
{
    var proxied = new List<ProxiedAccount>();
    Guid clinician;
    await using (var setup = new ClinicAppFactory(demo: false, new Dictionary<string, string?> { ["ClinicPortal:Outbox:BatchSize"] = "0" }, database))
    {
        await using var scope = setup.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        clinician = await CreateClinicianAsync(users, "bench.clinician@example.org");
        for (var i = 0; i < proxiedCount; i++)
        {
            var email = $"proxied.clinician{i}@example.org";
            proxied.Add(new ProxiedAccount(email, await CreateClinicianAsync(users, email), Guid.NewGuid(), $"proxied{i}@example.org"));
        }
    }
    await using var c = new NpgsqlConnection(database);
    await c.OpenAsync();
    foreach (var p in proxied)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO clients (id, full_name, email, time_zone_id, status, intake_date, primary_clinician_id, created_at, updated_at)
            VALUES (@id, 'Proxied Client', @email, 'America/Chicago', 0, current_date - 30, @clinician, now(), now())
            """, c);
        insert.Parameters.AddWithValue("id", p.ClientId);
        insert.Parameters.AddWithValue("email", p.ClientEmail);
        insert.Parameters.AddWithValue("clinician", p.ClinicianId);
        await insert.ExecuteNonQueryAsync();
    }
    await using var zone = new NpgsqlCommand("SELECT time_zone_id FROM clinic_settings WHERE id = 1", c);
    var clinicZone = TimeZoneInfo.FindSystemTimeZoneById((string)(await zone.ExecuteScalarAsync())!);
    // A start two hours (the clinic's shorter reminder lead) and one to two minutes from now, on a whole minute.
    var start = DateTimeOffset.UtcNow.AddHours(2).AddSeconds(75);
    start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
    return new Clinic(clinician, proxied, TimeZoneInfo.ConvertTime(start, clinicZone).DateTime);
}

static async Task<Guid> CreateClinicianAsync(UserManager<ApplicationUser> users, string email)
{
    var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Bench Clinician" };
    var created = await users.CreateAsync(user, ClinicianPassword);
    if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
    await users.AddToRoleAsync(user, Roles.Clinician);
    return user.Id;
}

// N clients each with a session in two hours and its reminder due now, in four SQL statements.
static async Task QueueAsync(string cs, Guid clinician, int n)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand("""
        CREATE TEMP TABLE bench AS SELECT g, gen_random_uuid() AS client, gen_random_uuid() AS session FROM generate_series(1, @n) g;
        INSERT INTO clients (id, full_name, email, time_zone_id, status, intake_date, primary_clinician_id, created_at, updated_at)
            SELECT client, 'Bench Client ' || g, 'bench' || g || '@example.org', 'America/Chicago', 0, current_date - 30, @clinician, now(), now() FROM bench;
        INSERT INTO sessions (id, client_id, clinician_id, starts_at, ends_at, duration_minutes, modality, status, created_at, updated_at)
            SELECT session, client, @clinician, date_trunc('minute', now()) + interval '2 hours', date_trunc('minute', now()) + interval '170 minutes', 50, 1, 0, now(), now() FROM bench;
        INSERT INTO outbox_messages (id, key, kind, client_id, session_id, due_at, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), 'session:' || replace(session::text, '-', '') || ':' || to_char((date_trunc('minute', now()) + interval '2 hours') AT TIME ZONE 'UTC', 'YYYYMMDDHH24MI') || ':120',
                   0, client, session, now() - interval '1 minute', 0, 0, now() - interval '1 minute', now() FROM bench;
        """, c);
    cmd.Parameters.AddWithValue("n", n);
    cmd.Parameters.AddWithValue("clinician", clinician);
    await cmd.ExecuteNonQueryAsync();
}

internal sealed record Run(int Instances, double Sent, double Seconds, double Senders, long Repeats);

internal sealed record ProxiedAccount(string Email, Guid ClinicianId, Guid ClientId, string ClientEmail);

internal sealed record Clinic(Guid Clinician, IReadOnlyList<ProxiedAccount> Proxied, DateTime ReminderDueSoonLocalStart);
