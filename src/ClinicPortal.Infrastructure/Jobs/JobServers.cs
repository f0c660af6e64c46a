using Hangfire;

namespace ClinicPortal.Infrastructure.Jobs;

/// <summary>The Hangfire servers of every instance, as their heartbeats tell (for /healthz).</summary>
public sealed record JobServersReport(bool ThisInstanceAlive, int AliveServers, DateTime? LastHeartbeat);

public sealed class JobServers(JobStorage storage, string instanceName)
{
    /// <summary>A server name for one host; Hangfire makes the server id "name:pid:guid", lower case.</summary>
    public static string NewInstanceName() => $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public string InstanceName { get; } = instanceName;

    /// <summary>A server is alive while its heartbeat (every 30 s by default) is younger than this.</summary>
    public static readonly TimeSpan HeartbeatLimit = TimeSpan.FromSeconds(90);

    public JobServersReport Check()
    {
        var now = DateTime.UtcNow; // Hangfire stamps heartbeats with the real clock, whatever the app's TimeProvider says
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Where(s => s.Heartbeat is { } beat && now - beat < HeartbeatLimit).ToList();
        var mine = alive.Any(s => s.Name.StartsWith(InstanceName + ":", StringComparison.Ordinal));
        return new JobServersReport(mine, alive.Count, alive.Max(s => s.Heartbeat));
    }
}
