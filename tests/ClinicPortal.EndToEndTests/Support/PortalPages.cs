using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>Small steps shared by end-to-end tests.</summary>
public static partial class PortalPages
{
    public const string SignInPath = "/account/sign-in";

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Fills and submits the sign-in form (opening it first unless the page already shows it) and
    /// waits for the answer to load. Does not assert where it lands: wrong passwords stay on the form.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        if (page.Url == "about:blank" || new Uri(page.Url).AbsolutePath != SignInPath)
            await page.GotoAsync(SignInPath);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        // Waits on the navigation the click starts (the form always posts), not on whichever document is current when the
        // wait begins: a separate WaitForLoadState after the click could miss the new page's load event and hang.
        await page.RunAndWaitForNavigationAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), new() { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>Saves a full-page PNG under the test output folder's screenshots/ and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, UnsafeFileCharacters().Replace(name, "-") + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Saves a PNG of one element (e.g. a chart) under screenshots/ and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(ILocator element, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, UnsafeFileCharacters().Replace(name, "-") + ".png");
        await element.ScreenshotAsync(new() { Path = path });
        return path;
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeFileCharacters();
}
