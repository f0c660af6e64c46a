using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClinicPortal.Bench.ReminderDelivery;

/// <summary>
/// A small SMTP server in this process (EHLO, PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps
/// each message's Message-ID and recipient in memory instead of writing files, so it outruns the apps it
/// measures. An optional delay before each "250" after DATA stands for a relay across a network.
/// </summary>
public sealed class FastSmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly TimeSpan _latency;
    private ConcurrentDictionary<string, int> _byMessageId = new();
    private ConcurrentBag<string> _recipients = [];
    private long _received;

    public FastSmtpSink(TimeSpan latency)
    {
        _latency = latency;
        _listener.Start(1024);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }
    public long Received => Interlocked.Read(ref _received);
    public IReadOnlyDictionary<string, int> ByMessageId => _byMessageId;
    public IReadOnlyCollection<string> Recipients => _recipients;

    /// <summary>Forgets what was received (between runs).</summary>
    public void Reset()
    {
        _byMessageId = new();
        _recipients = [];
        Interlocked.Exchange(ref _received, 0);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = false };
        async Task Reply(string text) { await writer.WriteAsync(text + "\r\n"); await writer.FlushAsync(); }
        try
        {
            await Reply("220 bench-sink ESMTP");
            string? recipient = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await Reply("250-bench-sink\r\n250-PIPELINING\r\n250 8BITMIME"); break;
                    case "HELO": await Reply("250 bench-sink"); break;
                    case "MAIL": recipient = null; await Reply("250 OK"); break;
                    case "RCPT": recipient = line[(line.IndexOf('<') + 1)..line.LastIndexOf('>')]; await Reply("250 OK"); break;
                    case "DATA":
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        string? messageId = null;
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                            if (messageId is null && data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)) messageId = data[11..].Trim();
                        if (_latency > TimeSpan.Zero) await Task.Delay(_latency, _stop.Token);
                        _byMessageId.AddOrUpdate(messageId ?? Guid.NewGuid().ToString(), 1, (_, n) => n + 1);
                        if (recipient is not null) _recipients.Add(recipient);
                        Interlocked.Increment(ref _received);
                        await Reply("250 OK queued");
                        break;
                    case "RSET": recipient = null; await Reply("250 OK"); break;
                    case "NOOP": await Reply("250 OK"); break;
                    case "QUIT": await Reply("221 Bye"); return;
                    default: await Reply("500 Unrecognised command"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
    }
}
