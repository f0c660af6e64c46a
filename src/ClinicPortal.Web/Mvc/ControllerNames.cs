using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Mvc;

/// <summary>A controller's route name ("Safety" for SafetyController) from its type, for typed links across controllers.</summary>
public static class ControllerNames
{
    public static string Of<T>() where T : ControllerBase => Strip(typeof(T).Name);

    private static string Strip(string typeName) =>
        typeName.EndsWith("Controller", StringComparison.Ordinal) ? typeName[..^"Controller".Length] : typeName;
}
