using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ClinicPortal.PageLoad;

/// <summary>
/// The portal's Release build in its own process, Production environment, on an external connection string. Always in demo
/// mode: the bench's cluster holds the demo clinic (and the scale clinic beside it), which a live start refuses to open.
/// </summary>
public sealed partial class Portal : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail;
    public string Url { get; }

    private Portal(Process process, string url, ConcurrentQueue<string> tail) => (_process, Url, _tail) = (process, url, tail);

    /// <summary>The portal's last lines of output, for a page that failed.</summary>
    public string RecentOutput => string.Join("\n", _tail);

    public static async Task<Portal> StartAsync(string repoRoot, string configuration, string connectionString)
    {
        var bin = Path.Combine(repoRoot, "src", "ClinicPortal.Web", "bin", configuration, "net10.0");
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = bin };
        foreach (var a in new[] { Path.Combine(bin, "ClinicPortal.Web.dll"), "--urls", url }) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__ClinicPortal"] = connectionString;
        info.Environment["ClinicPortal__Demo"] = "true"; // seeds the demo clinic once; later starts find it and add nothing
        info.Environment["ClinicPortal__DemoOnServer"] = "true"; // the bench's own throw-away cluster
        // The bench signs in with a password over plain HTTP on loopback.
        info.Environment["ClinicPortal__RequireStaffTwoFactor"] = "false";
        info.Environment["ClinicPortal__SecureCookies"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ClinicPortal__DataDirectory"] = Path.Combine(repoRoot, ".data", "bench-pageload");

        var process = Process.Start(info)!;
        var tail = new ConcurrentQueue<string>();
        void Keep(string? line) { if (line is null) return; tail.Enqueue(line); while (tail.Count > 200) tail.TryDequeue(out _); }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The portal exited with {process.ExitCode}:\n{string.Join("\n", tail)}");
            try
            {
                if ((await http.GetAsync($"{url}/healthz")).StatusCode == HttpStatusCode.OK) return new Portal(process, url, tail);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The portal did not become healthy in 120 s:\n{string.Join("\n", tail)}");
    }

    /// <summary>Signs in as a browser would (form, anti-forgery token, cookies) and returns the Cookie header to replay.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };
        var form = await http.GetStringAsync("/account/sign-in");
        var token = AntiForgery().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}");
        return cookies.GetCookieHeader(new Uri(Url));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
