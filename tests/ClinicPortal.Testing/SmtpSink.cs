using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ClinicPortal.Testing;

public sealed record ReceivedMail(string MessageId, string To, string Subject, string Body, string From = "");

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) writing every message it accepts to a
/// maildir. It can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed partial class SmtpSink : IDisposable
{
    private Process? _server;

    public SmtpSink()
    {
        Port = FreePort();
        Maildir = Path.Combine(TestCluster.CreateScratchDirectory(), "maildir");
        Start();
    }

    public int Port { get; }
    public string Maildir { get; }

    public void Start()
    {
        if (_server is { HasExited: false }) return;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir }) info.ArgumentList.Add(a);
        _server = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try { using var probe = new TcpClient("127.0.0.1", Port); return; }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new InvalidOperationException("aiosmtpd did not start: " + _server.StandardError.ReadToEnd());
    }

    public void Stop()
    {
        if (_server is null || _server.HasExited) return;
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit();
    }

    public IReadOnlyList<ReceivedMail> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(File.ReadAllText).Select(Parse).ToList();
    }

    /// <summary>Waits (polling) until at least <paramref name="count"/> messages arrived, or the timeout passes.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Messages().Count < count) await Task.Delay(100);
        return Messages();
    }

    public void Dispose() => Stop();

    private static ReceivedMail Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal) is var i and >= 0 ? i : raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split >= 0 ? raw[..split] : raw;
        var body = split >= 0 ? raw[split..].Trim() : "";
        string Header(string name) => Regex.Match(headers, $@"^{name}:\s*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value.Trim();
        return new ReceivedMail(Header("Message-ID"), Header("To"), Header("Subject"), body.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "="),
            Header("From"));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
