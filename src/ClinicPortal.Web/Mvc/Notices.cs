using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// The one-line notices a page shows after a redirect: a flash ("Draft saved.") or an error ("This note is
/// signed and locked."). Set by controllers, shown once by _Notices.cshtml.
/// </summary>
public static class Notices
{
    private const string FlashKey = "Flash", ErrorKey = "Error";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[FlashKey] = message;

    public static void Error(this ITempDataDictionary tempData, string message) => tempData[ErrorKey] = message;

    public static string? TakeFlash(this ITempDataDictionary tempData) => tempData[FlashKey] as string;

    public static string? TakeError(this ITempDataDictionary tempData) => tempData[ErrorKey] as string;

    /// <summary>Whether an error is waiting, without using it up.</summary>
    public static bool HasError(this ITempDataDictionary tempData) => tempData.Peek(ErrorKey) is string;
}
