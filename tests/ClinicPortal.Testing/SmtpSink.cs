using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClinicPortal.Testing;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) writing every message it accepts to a
/// maildir. It refuses recipients whose address starts with "refused" (550, a permanent failure), and it
/// can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string RefusedPrefix = "refused";

    // A Mailbox handler that turns down some recipients for good, as a real server does for unknown mailboxes.
    private const string Handler = $$"""
        from aiosmtpd.handlers import Mailbox

        class RefusingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("{{RefusedPrefix}}"):
                    return "550 5.1.1 <" + address + ">: mailbox unavailable"
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    private readonly string _handlerDirectory;
    private Process? _server;

    public SmtpSink()
    {
        Port = FreePort();
        var scratch = TestCluster.CreateScratchDirectory();
        Maildir = Path.Combine(scratch, "maildir");
        _handlerDirectory = Path.Combine(scratch, "handler");
        Directory.CreateDirectory(_handlerDirectory);
        File.WriteAllText(Path.Combine(_handlerDirectory, "sink_handler.py"), Handler);
        Start();
    }

    public int Port { get; }
    public string Maildir { get; }
    public bool IsRunning => _server is { HasExited: false };

    public void Start()
    {
        if (IsRunning) return;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.Environment["PYTHONPATH"] = _handlerDirectory;
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "sink_handler.RefusingMailbox", Maildir }) info.ArgumentList.Add(a);
        _server = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited) break;
            try { using var probe = new TcpClient("127.0.0.1", Port); return; }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new InvalidOperationException("aiosmtpd did not start: " + (_server.HasExited ? _server.StandardError.ReadToEnd() : "no answer within 15 s"));
    }

    public void Stop()
    {
        if (_server is null || _server.HasExited) return;
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit();
    }

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() => ReceivedMail.InFolder(Path.Combine(Maildir, "new"));

    /// <summary>Waits (polling) until at least <paramref name="count"/> messages arrived, or the timeout passes.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Count() < count) await Task.Delay(100);
        return Messages();
    }

    /// <summary>How many messages arrived, without parsing them.</summary>
    public int Count() => Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")).Length : 0;

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
