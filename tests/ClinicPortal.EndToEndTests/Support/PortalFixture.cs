using Microsoft.Playwright;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// One app on a real port and one headless Chromium for every end-to-end test class in the
/// "portal" collection. Tests get a fresh browser context each (see <see cref="PortalTest"/>).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortalServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run scripts/setup.sh --tests (or apt-get install -y chromium).");

        // The first start migrates and seeds the database; launch the browser meanwhile.
        var server = Task.Run(Server.Start);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        await server;

        // Two cores and a cold app: allow more than Playwright's 5 s default for auto-retrying assertions.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
