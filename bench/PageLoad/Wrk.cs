using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClinicPortal.PageLoad;

public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>Drives one URL with Debian's wrk (two threads, one per core) and reads its report.</summary>
public static partial class Wrk
{
    public static void EnsureInstalled()
    {
        if (File.Exists("/usr/bin/wrk")) return;
        throw new InvalidOperationException("wrk is not installed: run `sudo apt-get install -y wrk` first.");
    }

    public static LoadResult Run(string url, string? cookie, int connections, TimeSpan duration)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency",
                     "-s", Path.Combine(AppContext.BaseDirectory, "count-status.lua") })
            info.ArgumentList.Add(a);
        if (cookie is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"Cookie: {cookie}");
        }
        info.ArgumentList.Add(url);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {output}");
        return Parse(output);
    }

    public static LoadResult Parse(string output)
    {
        double Latency(string percentile)
        {
            var m = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
        }
        long Number(Regex r, int group = 1) => r.Match(output) is { Success: true } m ? long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

        var socket = SocketErrors().Match(output);
        var socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture)) : 0;
        return new LoadResult(
            double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency("50"), Latency("99"),
            Number(Requests()),
            socketErrors + Number(NonOk()));
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")] private static partial Regex Rps();
    [GeneratedRegex(@"(\d+) requests in")] private static partial Regex Requests();
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")] private static partial Regex SocketErrors();
    [GeneratedRegex(@"NON200 (\d+)")] private static partial Regex NonOk();
}
