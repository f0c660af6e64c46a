using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// The address people use to reach the portal, for every link in mail. One setting,
/// <see cref="SettingKey"/>; when it is unset: the address of the request that sends the mail, else
/// (background jobs) the first address the app listens on, else http://localhost.
/// </summary>
public sealed class PortalLinks(IConfiguration configuration, IHttpContextAccessor accessor, IServer? server = null)
{
    public const string SettingKey = "ClinicPortal:PublicBaseUrl";
    public const string SignInPath = "/account/sign-in";

    /// <summary>The setting this one replaced, refused so that links do not silently change address.</summary>
    public const string FormerSettingKey = "ClinicPortal:Outbox:PublicBaseUrl";

    private readonly string? _configured = Validate(configuration[SettingKey]);

    /// <summary>Checks the setting at start-up, so a wrong address stops the app instead of the first mail.</summary>
    public static void EnsureConfigured(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[FormerSettingKey]))
            throw new InvalidOperationException($"{FormerSettingKey} is no longer read: set {SettingKey} instead (it applies to every link in mail).");
        Validate(configuration[SettingKey]);
    }

    public string BaseUrl => _configured ?? FromRequest() ?? FromServer() ?? "http://localhost";

    public string SignIn => Absolute(SignInPath);

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with '/').</summary>
    public string Absolute(string pathAndQuery) => BaseUrl + pathAndQuery;

    private string? FromRequest() =>
        accessor.HttpContext?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;

    private string? FromServer()
    {
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) return null;
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}";
    }

    private static string? Validate(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            throw new InvalidOperationException($"{SettingKey} must be an absolute http(s) address such as https://portal.example.org (got \"{configured}\").");
        return configured.TrimEnd('/');
    }
}
