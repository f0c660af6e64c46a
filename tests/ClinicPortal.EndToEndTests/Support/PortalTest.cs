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
    private readonly List<IBrowserContext> _freshContexts = [];

    protected PortalFixture Portal => portal;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Console errors (CSP violations included), failed requests and 4xx/5xx sub-resources seen so far, on every page of the test.</summary>
    protected IReadOnlyCollection<string> BrowserProblems => _problems;

    public virtual async Task InitializeAsync()
    {
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
        Watch(Page);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _freshContexts) await context.CloseAsync();
        await Context.CloseAsync();
    }

    /// <summary>
    /// A page in another new browser context (its own cookies and storage, like a second person on
    /// another device), watched for problems like <see cref="Page"/> and closed with the test.
    /// </summary>
    protected async Task<IPage> NewPageInFreshContextAsync()
    {
        var context = await NewContextAsync();
        _freshContexts.Add(context);
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await portal.Browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Enqueue($"console ({message.Location}): {message.Text}");
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>The absolute URL of an app path, for comparing with <see cref="IPage.Url"/>.</summary>
    protected string Url(string path) => new Uri(portal.BaseAddress, path).ToString();

    protected void AssertNoBrowserProblems() =>
        Assert.True(BrowserProblems.Count == 0, "The browser reported problems:\n" + string.Join("\n", BrowserProblems));

    protected Task SignInAsync(string email, string password) => PortalPages.SignInAsync(Page, email, password);

    protected Task<string> ScreenshotAsync(string name) => PortalPages.ScreenshotAsync(Page, name);
}
