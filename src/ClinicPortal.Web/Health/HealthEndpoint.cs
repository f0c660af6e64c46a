using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ClinicPortal.Web.Health;

public sealed record PartHealth(string Status, string? Detail = null);

public sealed record HealthReport(string Status, PartHealth Database, PartHealth Scheduler);

/// <summary>Asks the database and the scheduler how they are, with a short time limit on each.</summary>
public sealed class HealthReporter(ClinicDbContext db, ISchedulerFactory schedulers)
{
    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var database = await CheckDatabase(ct);
        var scheduler = await CheckScheduler(ct);
        var healthy = database.Status == "up" && scheduler.Status == "running";
        return new HealthReport(healthy ? "healthy" : "unhealthy", database, scheduler);
    }

    private async Task<PartHealth> CheckDatabase(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
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

    private async Task<PartHealth> CheckScheduler(CancellationToken ct)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            var status = await scheduler.GetStatus(ct);
            return new PartHealth(status == SchedulerStatus.Running ? "running" : status.ToString().ToLowerInvariant());
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return new PartHealth("down", "scheduler unavailable");
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
