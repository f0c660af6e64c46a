using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ClinicPortal.Web.Routing;

/// <summary>
/// A link to one action for many rows: routed once (so renaming the action or its route still breaks it
/// loudly), then filled in with each row's id. A 50-row table would otherwise run the link generator per cell.
/// </summary>
public sealed class IdLink
{
    private static readonly string Marker = Guid.Empty.ToString();
    private readonly string _template;

    private IdLink(string template) => _template = template;

    public static IdLink To(IUrlHelper url, string action, string controller, string area, string idName)
    {
        var path = url.Action(action, controller, new RouteValueDictionary { ["area"] = area, [idName] = Guid.Empty })
            ?? throw new InvalidOperationException($"No route to {area}/{controller}/{action} with {idName}");
        if (!path.Contains(Marker, StringComparison.Ordinal)) throw new InvalidOperationException($"The route to {controller}/{action} does not carry {idName} in its path");
        return new IdLink(path);
    }

    public string For(Guid id) => _template.Replace(Marker, id.ToString(), StringComparison.Ordinal);
}
