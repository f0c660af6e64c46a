using System.Net;
using System.Net.Sockets;

namespace ClinicPortal.Core.Accounts;

/// <summary>
/// What "recent sign-ins" may say about a device: a browser family, a device type and an address with its host part
/// hidden. Enough for "was this you?", too little to track anyone.
/// </summary>
public static class SignInDevice
{
    public const string Unknown = "Unknown";

    /// <summary>Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".</summary>
    private static readonly (string Token, string Family)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chrome"), ("Safari/", "Safari"),
    ];

    public static string BrowserFamily(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return Unknown;
        foreach (var (token, family) in Browsers)
            if (userAgent.Contains(token, StringComparison.Ordinal)) return family;
        return "Other";
    }

    public static string DeviceType(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return Unknown;
        if (userAgent.Contains("iPad", StringComparison.Ordinal) || userAgent.Contains("Tablet", StringComparison.Ordinal)
            || (userAgent.Contains("Android", StringComparison.Ordinal) && !userAgent.Contains("Mobile", StringComparison.Ordinal)))
            return "Tablet";
        if (userAgent.Contains("Mobi", StringComparison.Ordinal) || userAgent.Contains("iPhone", StringComparison.Ordinal)) return "Phone";
        return "Computer";
    }

    /// <summary>An address as text (the audit log keeps it so), masked like <see cref="Mask(IPAddress?)"/>; blank when none was recorded.</summary>
    public static string MaskAddress(string? address) =>
        string.IsNullOrEmpty(address) ? "" : Mask(IPAddress.TryParse(address, out var parsed) ? parsed : null);

    /// <summary>IPv4: the last number hidden (203.0.113.x); IPv6: only the first three groups (2001:db8:85a3:…).</summary>
    public static string Mask(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return $"{b[0]}.{b[1]}.{b[2]}.x";
        }
        var groups = address.GetAddressBytes().Chunk(2).Take(3).Select(g => ((g[0] << 8) | g[1]).ToString("x"));
        return string.Join(':', groups) + ":…";
    }
}
