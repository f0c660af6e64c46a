using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClinicPortal.Bench.ReminderDelivery;

/// <summary>
/// Debian's nginx in front of the app instances, round-robin, as a child process with its own config in a
/// scratch folder. Each response names the instance that served it (X-Portal-Upstream).
/// </summary>
public sealed class ReverseProxy : IDisposable
{
    public const string UpstreamHeader = "X-Portal-Upstream";
    private readonly Process _nginx;

    private ReverseProxy(Process nginx, string url) => (_nginx, Url) = (nginx, url);

    public string Url { get; }

    public static async Task<ReverseProxy> StartAsync(string folder, IEnumerable<string> upstreams)
    {
        const string binary = "/usr/sbin/nginx";
        if (!File.Exists(binary)) throw new InvalidOperationException("nginx is not installed: apt-get install -y nginx");
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Path.Combine(folder, "tmp"), (UnixFileMode)0b111_111_111);
        var port = FreePort();
        var servers = string.Join("\n", upstreams.Select(u => $"    server {new Uri(u).Authority};"));
        var tmp = Path.Combine(folder, "tmp");
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{folder}}/error.log warn;
            pid {{folder}}/nginx.pid;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{tmp}}/body;
              proxy_temp_path {{tmp}}/proxy;
              fastcgi_temp_path {{tmp}}/fastcgi;
              uwsgi_temp_path {{tmp}}/uwsgi;
              scgi_temp_path {{tmp}}/scgi;
              upstream portal {
            {{servers}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://portal;
                  proxy_set_header Host $host:$server_port;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  add_header {{UpstreamHeader}} $upstream_addr always;
                }
              }
            }
            """);
        var info = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" }) info.ArgumentList.Add(a);
        var nginx = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !nginx.HasExited)
        {
            try { using var probe = new TcpClient("127.0.0.1", port); return new ReverseProxy(nginx, $"http://127.0.0.1:{port}"); }
            catch (SocketException) { await Task.Delay(50); }
        }
        var error = nginx.HasExited ? await nginx.StandardError.ReadToEndAsync() : "no answer within 15 s";
        if (!nginx.HasExited) nginx.Kill(entireProcessTree: true);
        throw new InvalidOperationException("nginx did not start: " + error);
    }

    public void Dispose()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }
        _nginx.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
