using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Testing;

/// <summary>
/// The real app on its own fresh database in the test cluster, seeded with the demo clinic unless
/// told otherwise. Call <see cref="WebApplicationFactory{T}.UseKestrel(int)"/> before first use for a real port.
/// </summary>
public class ClinicAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ClinicAppFactory(bool demo, IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        ConnectionString = connectionString ?? TestCluster.CreateDatabase("app");
        AppConnectionString = TestCluster.AppConnectionString(ConnectionString);
        ScratchDirectory = TestCluster.CreateScratchDirectory();
        _settings = new Dictionary<string, string?>
        {
            // As in production: the app runs as its own role, migrations as the owner (the superuser here).
            ["ConnectionStrings:ClinicPortal"] = AppConnectionString,
            ["ConnectionStrings:ClinicPortalOwner"] = ConnectionString,
            ["ClinicPortal:DataDirectory"] = ScratchDirectory,
            ["ClinicPortal:Demo"] = demo ? "true" : "false",
            ["ClinicPortal:DemoOnServer"] = demo ? "true" : "false", // each test app's database is a throw-away one
            // Tests sign staff in with a password; the two-factor tests turn this on (TwoFactorApp).
            ["ClinicPortal:RequireStaffTwoFactor"] = "false",
            [TestKeyRing.Setting.Key] = TestKeyRing.Setting.Value,
            // Every test request comes from one address and the demo sign-ins are shared by many tests: the rate-limit
            // tests (RateLimitApp) set this back to 1.
            ["ClinicPortal:RateLimits:Scale"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>The owner's (superuser's) connection: arranging and inspecting rows the app could not touch.</summary>
    public string ConnectionString { get; }
    /// <summary>The app's own credentials.</summary>
    public string AppConnectionString { get; }
    public string ScratchDirectory { get; }
    public string MailDirectory => Path.Combine(ScratchDirectory, "mail");
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // No file watchers on appsettings: dozens of test hosts would exhaust the machine's inotify instances (often 128).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(ConfigureTestServices);
    }

    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    /// <summary>Also closes the idle connections this app's tests opened as the owner, instead of leaving them for the pool to age out.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using var owner = new Npgsql.NpgsqlConnection(ConnectionString);
        Npgsql.NpgsqlConnection.ClearPool(owner);
        GC.SuppressFinalize(this);
    }

    /// <summary>A scope whose database context sees everything (the system scope), for arranging and asserting.</summary>
    public AsyncServiceScope SystemScope() => Services.CreateAsyncScope();

    public ClinicDbContext SystemDb(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ClinicDbContext>();

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>The app with the demo clinic seeded: the default fixture for tests that sign in as demo users.</summary>
public sealed class DemoClinicApp() : ClinicAppFactory(demo: true);
