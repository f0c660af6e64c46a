using System.Security.Claims;
using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Web.Security;

/// <summary>The signed-in user of the current request, as the audit log and the data filters see them.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor, IAccessScopeSource
{
    /// <summary>Read afresh for every query: the user is set only once authentication has run.</summary>
    public AccessScope Current => ScopeFor(accessor.HttpContext);

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId => UserIdOf(User);

    public string Role => User is null ? "system"
        : Roles.All.FirstOrDefault(r => User.IsInRole(r))?.ToLowerInvariant() ?? "anonymous";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public static Guid? UserIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>
    /// Requests get the scope of their user (anonymous if nobody signed in); work outside a
    /// request (start-up, jobs) runs as the system.
    /// </summary>
    public static AccessScope ScopeFor(HttpContext? context)
    {
        if (context is null) return AccessScope.System;
        return UserIdOf(context.User) is { } id ? AccessScope.ForRoles(id, context.User.IsInRole) : AccessScope.Anonymous;
    }
}
