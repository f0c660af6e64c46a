using ClinicPortal.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// The real app with the demo clinic, on its own database in the test cluster, served by Kestrel on
/// a free loopback port so a real browser can reach it.
/// </summary>
public sealed class PortalServer : ClinicAppFactory
{
    public PortalServer() : base(demo: true) => UseKestrel(0);

    /// <summary>Where the browser finds the app, e.g. http://127.0.0.1:41234/ (set by <see cref="Start"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Builds the host (migrations, demo seed) and starts Kestrel.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel reported no http address (got: {string.Join(", ", addresses)})");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }
}
