using Microsoft.Extensions.Hosting;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>Stops the embedded cluster when the host stops. Registered first so it stops last.</summary>
public sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cluster.Dispose();
        return Task.CompletedTask;
    }
}
