using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace ClinicPortal.Web.Security;

/// <summary>
/// ClinicPortal:Proxy:KnownProxies / KnownNetworks — the reverse proxies whose X-Forwarded-For and -Proto the app
/// believes (addresses, CIDR networks). Nothing else is believed, loopback included: a forwarded header from anyone
/// else could put a false address in the audit log or pass plain http off as https.
/// </summary>
public static class ProxyTrust
{
    public const string ProxiesKey = "ClinicPortal:Proxy:KnownProxies";
    public const string NetworksKey = "ClinicPortal:Proxy:KnownNetworks";

    public static void Configure(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in List(configuration, ProxiesKey))
            o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{ProxiesKey}: '{proxy}' is not an IP address."));
        foreach (var network in List(configuration, NetworksKey))
            o.KnownIPNetworks.Add(IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"{NetworksKey}: '{network}' is not a network such as 10.0.0.0/8."));
    }

    /// <summary>Whether any proxy is trusted at all (when none is, the forwarded-headers step is left out of the pipeline).</summary>
    public static bool Any(IConfiguration configuration) => List(configuration, ProxiesKey).Any() || List(configuration, NetworksKey).Any();

    /// <summary>A list from configuration: array entries (Key:0, Key:1) or one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key) =>
        (configuration[key] is { Length: > 0 } joined ? joined.Split(',') : configuration.GetSection(key).Get<string[]>() ?? [])
        .Select(v => v.Trim()).Where(v => v.Length > 0);
}
