using System.Collections.Concurrent;
using ClinicPortal.Infrastructure.Clinics;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly ConcurrentQueue<(string Url, string Problem)> _abortedNavigations = new();
    private readonly ConcurrentDictionary<string, bool> _downloads = new();
    private readonly List<IBrowserContext> _freshContexts = [];

    protected PortalFixture Portal => portal;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>
    /// Console errors (CSP violations included), failed requests, 4xx/5xx sub-resources and 5xx pages seen so
    /// far, on every page of the test. A navigation that turned into a file download (Chromium aborts it) is not a problem.
    /// </summary>
    protected IReadOnlyCollection<string> BrowserProblems =>
        [.. _problems, .. _abortedNavigations.Where(a => !_downloads.ContainsKey(a.Url)).Select(a => a.Problem)];

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
    /// <paramref name="configure"/> may change the context's options, e.g. <see cref="Phone"/>.
    /// </summary>
    protected async Task<IPage> NewPageInFreshContextAsync(Action<BrowserNewContextOptions>? configure = null)
    {
        var context = await NewContextAsync(configure);
        _freshContexts.Add(context);
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }

    /// <summary>A small phone: 360×740 CSS pixels, touch, mobile viewport rules (for <see cref="NewPageInFreshContextAsync"/>).</summary>
    protected static void Phone(BrowserNewContextOptions options)
    {
        options.ViewportSize = new() { Width = 360, Height = 740 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 2;
    }

    private async Task<IBrowserContext> NewContextAsync(Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-US",
        };
        configure?.Invoke(options);
        var context = await portal.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Enqueue($"console ({message.Location}): {message.Text}");
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Download += (_, download) => _downloads[download.Url] = true;
        page.RequestFailed += (_, request) =>
        {
            var problem = $"request failed: {request.Method} {request.Url} {request.Failure}";
            if (request.IsNavigationRequest && request.Failure == "net::ERR_ABORTED") _abortedNavigations.Enqueue((request.Url, problem));
            else _problems.Enqueue(problem);
        };
        page.Response += (_, response) =>
        {
            // A page may answer 404 on purpose (someone else's record); a server error is never expected.
            if (response.Status >= 500 || (response.Status >= 400 && response.Request.ResourceType != "document"))
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>The absolute URL of an app path, for comparing with <see cref="IPage.Url"/>.</summary>
    protected string Url(string path) => new Uri(portal.BaseAddress, path).ToString();

    protected void AssertNoBrowserProblems() =>
        Assert.True(BrowserProblems.Count == 0, "The browser reported problems:\n" + string.Join("\n", BrowserProblems));

    protected Task SignInAsync(string email, string password) => PortalPages.SignInAsync(Page, email, password);

    protected Task<string> ScreenshotAsync(string name) => PortalPages.ScreenshotAsync(Page, name);

    /// <summary>"Today" as the clinic sees it, from the app's own calendar.</summary>
    protected async Task<DateOnly> ClinicTodayAsync()
    {
        await using var scope = portal.Server.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().TodayAsync();
    }

    /// <summary>The clinic's time zone (session times are typed and shown in it).</summary>
    protected async Task<TimeZoneInfo> ClinicZoneAsync()
    {
        await using var scope = portal.Server.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().ZoneAsync();
    }
}
