using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// Base for end-to-end test classes: each test gets a fresh browser context (no cookies, no
/// storage) and a page whose console errors and failed requests are recorded.
/// Derive with <c>[Collection(PortalCollection.Name)]</c>.
/// </summary>
public abstract class PortalTest(PortalFixture portal) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _problems = new();

    protected PortalFixture Portal => portal;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Console errors (CSP violations included), failed requests and 4xx/5xx sub-resources seen so far.</summary>
    protected IReadOnlyCollection<string> BrowserProblems => _problems;

    public virtual async Task InitializeAsync()
    {
        Context = await portal.Browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        Context.SetDefaultTimeout(20_000);
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Enqueue($"console ({message.Location}): {message.Text}");
        };
        Page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        Page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    public virtual async Task DisposeAsync() => await Context.CloseAsync();

    /// <summary>The absolute URL of an app path, for comparing with <see cref="IPage.Url"/>.</summary>
    protected string Url(string path) => new Uri(portal.BaseAddress, path).ToString();

    protected void AssertNoBrowserProblems() =>
        Assert.True(BrowserProblems.Count == 0, "The browser reported problems:\n" + string.Join("\n", BrowserProblems));

    protected Task SignInAsync(string email, string password) => PortalPages.SignInAsync(Page, email, password);

    protected Task<string> ScreenshotAsync(string name) => PortalPages.ScreenshotAsync(Page, name);
}
