using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Health;

public sealed record PartHealth(string Status, string? Detail = null);

public sealed record HealthReport(string Status, PartHealth Database, PartHealth Jobs);

/// <summary>Asks the database and the Hangfire servers how they are, with a short time limit on each.</summary>
public sealed class HealthReporter(ClinicDbContext db, JobServers jobs)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var database = await CheckDatabase(ct);
        var servers = database.Status == "up" ? await CheckJobs(ct) : new PartHealth("unknown", "database unreachable");
        var healthy = database.Status == "up" && servers.Status == "running";
        return new HealthReport(healthy ? "healthy" : "unhealthy", database, servers);
    }

    private async Task<PartHealth> CheckDatabase(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return new PartHealth("up");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new PartHealth("down", "database unreachable");
        }
    }

    /// <summary>"running" while this instance's Hangfire server sends heartbeats; the detail counts every live server.</summary>
    private async Task<PartHealth> CheckJobs(CancellationToken ct)
    {
        try
        {
            var report = await Task.Run(jobs.Check, ct).WaitAsync(Limit, ct);
            var servers = $"{report.AliveServers} live job server{(report.AliveServers == 1 ? "" : "s")}";
            return report.ThisInstanceAlive ? new PartHealth("running", servers) : new PartHealth("stopped", $"no heartbeat from this instance; {servers}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new PartHealth("down", "job storage unavailable");
        }
    }
}

public static class HealthEndpoint
{
    public static async Task<IResult> Handle(HealthReporter reporter, CancellationToken ct)
    {
        var report = await reporter.CheckAsync(ct);
        return Results.Json(report, statusCode: report.Status == "healthy" ? 200 : 503);
    }
}
