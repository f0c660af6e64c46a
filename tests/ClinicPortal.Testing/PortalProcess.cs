using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClinicPortal.Testing;

/// <summary>
/// The real app in its own OS process (the build output's ClinicPortal.Web.dll), so a test can kill
/// it hard — no graceful shutdown, no finally blocks — and start it again.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<PortalProcess> StartAsync(string connectionString, IDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ClinicPortal.Web.dll");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ConnectionStrings__ClinicPortal"] = TestCluster.AppConnectionString(connectionString);
        info.Environment["ConnectionStrings__ClinicPortalOwner"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(info)!;
        var tail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line) { if (line is null) return; tail.Enqueue(line); while (tail.Count > 20) tail.TryDequeue(out _); }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} during start-up:\n{string.Join("\n", tail)}");
            try
            {
                if ((await http.GetAsync($"{url}/healthz")).StatusCode == HttpStatusCode.OK) return new PortalProcess(process, url);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not become healthy within 60 s");
    }

    /// <summary>SIGKILL: the process gets no chance to finish what it is doing.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
