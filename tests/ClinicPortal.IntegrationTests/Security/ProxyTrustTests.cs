using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>Behind a TLS-terminating proxy: the client's address and the https scheme come from the proxy's headers, and only a configured proxy is believed.</summary>
public sealed class ProxyTrustTests
{
    private const string Email = "proxy.admin@example.org";
    private const string Password = "Proxy-Admin-Pass-2026!";
    private const string Proxy = "10.0.0.5";
    private const string RealClient = "203.0.113.7";

    /// <summary>The app in Production, every request arriving from <paramref name="peer"/> (the test server has no socket of its own).</summary>
    private sealed class BehindProxyApp(string peer, string? trusted) : ClinicAppFactory(demo: false, new Dictionary<string, string?>
    {
        ["ClinicPortal:BootstrapAdmin:Email"] = Email,
        ["ClinicPortal:BootstrapAdmin:Password"] = Password,
        ["ClinicPortal:Proxy:KnownProxies"] = trusted,
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(peer)));
    }

    private sealed class PeerAddress(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, then) => { context.Connection.RemoteIpAddress = peer; await then(context); });
            next(app);
        };
    }

    private static BrowserSession Session(ClinicAppFactory app, string scheme)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"{scheme}://portal.example.test"), AllowAutoRedirect = false, HandleCookies = true,
        });
        http.DefaultRequestHeaders.Add("X-Forwarded-For", RealClient);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return new BrowserSession(http);
    }

    private static async Task<string?> SignInAddressAsync(ClinicAppFactory app)
    {
        var signedIn = await Session(app, "https").SignInAsync(Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).AuditEntries.Where(a => a.Action == AuditActions.SignIn)
            .OrderByDescending(a => a.Id).Select(a => a.IpAddress).FirstAsync();
    }

    [Fact]
    public async Task From_a_configured_proxy_the_audit_has_the_clients_address_and_plain_http_from_it_counts_as_https()
    {
        await using var app = new BehindProxyApp(Proxy, Proxy);

        var page = await Session(app, "http").Http.GetAsync("/account/sign-in");
        Assert.Equal("max-age=31536000; includeSubDomains", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(RealClient, await SignInAddressAsync(app));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        await using var app = new BehindProxyApp("10.0.0.9", Proxy);

        // Plain http stays plain http (the health check: a form would refuse to render its anti-forgery cookie over http).
        Assert.False((await Session(app, "http").Http.GetAsync("/healthz")).Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("10.0.0.9", await SignInAddressAsync(app));
    }

    [Fact]
    public async Task Without_a_configured_proxy_no_forwarded_header_is_believed()
    {
        await using var app = new BehindProxyApp("127.0.0.1", null);

        Assert.False((await Session(app, "http").Http.GetAsync("/healthz")).Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("127.0.0.1", await SignInAddressAsync(app));
    }
}
