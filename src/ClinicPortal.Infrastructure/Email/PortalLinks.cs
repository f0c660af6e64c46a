using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// The address people use to reach the portal, for links in mail: ClinicPortal:PublicBaseUrl when
/// configured, else the address of the current request, else (background jobs) http://localhost.
/// </summary>
public sealed class PortalLinks(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (configuration["ClinicPortal:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
            return accessor.HttpContext?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}" : "http://localhost";
        }
    }
}
