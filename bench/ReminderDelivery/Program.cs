// Delivers N due reminders to a local SMTP server (aiosmtpd) from one app instance, then from two
// instances sharing one database, each a separate OS process, and prints time and database work per
// reminder. Baseline: the one-instance run in the same invocation.
using System.Diagnostics;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
// The in-process set-up host needs the web project's folder (test projects get it from their build).
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "ClinicPortal.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLINICPORTAL_WEB", Path.Combine(repo!.FullName, "src", "ClinicPortal.Web"));
using var smtp = new SmtpSink();
var results = new List<(int Instances, double Seconds, double TxPerReminder, int Mail)>();

foreach (var instances in new[] { 1, 2 })
{
    var database = TestCluster.CreateDatabase("bench");
    await using (var setup = new ClinicAppFactory(demo: false, new Dictionary<string, string?> { ["ClinicPortal:Outbox:BatchSize"] = "0" }, database))
        await QueueAsync(setup, database, count);

    var mailBefore = MailCount(smtp);
    var xactBefore = await ScalarAsync(database, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    var settings = new Dictionary<string, string>
    {
        ["ClinicPortal:DataDirectory"] = TestCluster.CreateScratchDirectory(),
        ["ClinicPortal:Mail:SmtpHost"] = "127.0.0.1",
        ["ClinicPortal:Mail:SmtpPort"] = smtp.Port.ToString(),
        ["ClinicPortal:Outbox:PollSeconds"] = "1",
        ["ClinicPortal:Outbox:Parallelism"] = "4",
        ["ClinicPortal:Outbox:BatchSize"] = "500",
        ["ClinicPortal:BootstrapAdmin:Email"] = "bench.admin@example.org",
        ["ClinicPortal:BootstrapAdmin:Password"] = "Bench-Admin-Pass-1!",
        ["Logging:LogLevel:Default"] = "Warning",
    };
    var wall = Stopwatch.StartNew();
    var apps = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => PortalProcess.StartAsync(database, settings)));
    while (await ScalarAsync(database, "SELECT count(*) FROM outbox_messages WHERE status = 2") < count && wall.Elapsed < TimeSpan.FromMinutes(20))
        await Task.Delay(250);
    foreach (var app in apps) app.Dispose();

    // Delivery time: first to last "sent" as recorded by the senders, start-up excluded.
    var seconds = await ScalarDoubleAsync(database, "SELECT extract(epoch FROM max(sent_at) - min(sent_at)) FROM outbox_messages");
    var xact = await ScalarAsync(database, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") - xactBefore;
    var perInstance = await ScalarAsync(database, "SELECT count(DISTINCT claimed_by) FROM outbox_messages");
    results.Add((instances, seconds, (double)xact / count, MailCount(smtp) - mailBefore));
    Console.WriteLine($"{instances} instance(s): {count} reminders in {seconds:F1} s = {count / seconds:F0}/s, {seconds * 1000 / count:F2} ms each, " +
                      $"{(double)xact / count:F1} committed transactions per reminder (incl. Quartz and health), senders used: {perInstance}, mails received: {MailCount(smtp) - mailBefore}");
}

var one = results[0];
var two = results[1];
Console.WriteLine($"ratio two/one instances (time): {two.Seconds / one.Seconds:F2}  (throughput x{one.Seconds / two.Seconds:F2})");
Console.WriteLine("database rows per reminder: 1 outbox row (claimed, then marked sent: 2 updates) + 1 read of client/session/clinic");
return 0;

static int MailCount(SmtpSink smtp) => Directory.Exists(Path.Combine(smtp.Maildir, "new")) ? Directory.GetFiles(Path.Combine(smtp.Maildir, "new")).Length : 0;

static async Task<long> ScalarAsync(string cs, string sql)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, c);
    return Convert.ToInt64(await cmd.ExecuteScalarAsync());
}

static async Task<double> ScalarDoubleAsync(string cs, string sql)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, c);
    return Convert.ToDouble(await cmd.ExecuteScalarAsync());
}

// One clinician, N clients each with a session in two hours and its reminder due now — in four SQL statements.
static async Task QueueAsync(ClinicAppFactory app, string cs, int n)
{
    Guid clinician;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "bench.clinician@example.org", Email = "bench.clinician@example.org", DisplayName = "Bench Clinician" };
        await users.CreateAsync(user, "Bench-Clinician-1!");
        await users.AddToRoleAsync(user, Roles.Clinician);
        clinician = user.Id;
    }
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
