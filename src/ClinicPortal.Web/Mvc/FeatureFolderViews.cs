using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// Feature folders: a controller's views sit in its own folder, which its namespace names (namespaces match
/// folders, see the architecture tests). So SafetyPlanController in Areas/Clinician/Safety finds Edit.cshtml
/// there, and no controller spells out a view path.
/// </summary>
public sealed class FeatureFolderViews : IViewLocationExpander
{
    private const string Key = "feature";
    private static readonly string Root = typeof(FeatureFolderViews).Namespace![..^".Mvc".Length];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && FolderOf(action.ControllerTypeInfo.Namespace) is { } folder)
            context.Values[Key] = folder;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null ? viewLocations.Prepend($"/{folder}/{{0}}.cshtml") : viewLocations;

    /// <summary>"ClinicPortal.Web.Areas.Clinician.Safety" → "Areas/Clinician/Safety".</summary>
    public static string? FolderOf(string? @namespace) =>
        @namespace is not null && @namespace.StartsWith(Root + ".", StringComparison.Ordinal) ? @namespace[(Root.Length + 1)..].Replace('.', '/') : null;
}
