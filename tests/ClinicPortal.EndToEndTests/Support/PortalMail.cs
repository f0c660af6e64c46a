using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// Reads what the app "sent": with no SMTP host configured it writes each message as an .eml file
/// to its pickup folder (<see cref="Testing.ClinicAppFactory.MailDirectory"/>).
/// </summary>
public static partial class PortalMail
{
    /// <summary>One message from the pickup folder: its headers as written and its decoded text body.</summary>
    public sealed record Message(string File, string Headers, string Body)
    {
        public string? Header(string name) =>
            Regex.Match(Headers, $@"^{Regex.Escape(name)}:[ \t]*(.*(?:\r?\n[ \t].*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase) is { Success: true } m
                ? Regex.Replace(m.Groups[1].Value, @"\r?\n[ \t]+", " ").Trim()
                : null;
    }

    /// <summary>The message files in the pickup folder now, to pass as <c>except</c> when waiting for a new one.</summary>
    public static IReadOnlySet<string> Files(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").ToHashSet() : new HashSet<string>();

    /// <summary>
    /// The newest message addressed to <paramref name="address"/>, waiting up to <paramref name="timeout"/>
    /// (10 s by default) for it to appear. Files in <paramref name="except"/> (see <see cref="Files"/>) are
    /// skipped, so an older message to the same address is never taken for the one awaited.
    /// </summary>
    public static async Task<Message> WaitForMessageToAsync(string directory, string address, TimeSpan? timeout = null,
        IReadOnlySet<string>? except = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var newest = Messages(directory)
                .Where(m => except?.Contains(m.File) != true)
                .Where(m => m.Header("To")?.Contains(address, StringComparison.OrdinalIgnoreCase) == true)
                .OrderBy(m => System.IO.File.GetLastWriteTimeUtc(m.File))
                .LastOrDefault();
            if (newest is not null) return newest;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"No message to {address} in {directory} after {limit.TotalSeconds:0} s " +
                    $"({(Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Length : 0)} other messages).");
            await Task.Delay(100);
        }
    }

    /// <summary>The invitation link in a message body (absolute, as the client would click it).</summary>
    public static Uri InvitationLink(Message message)
    {
        var match = InvitationLinkPattern().Match(message.Body);
        Assert.True(match.Success, $"No invitation link in the message:\n{message.Body}");
        return new Uri(match.Value);
    }

    private static IEnumerable<Message> Messages(string directory)
    {
        if (!Directory.Exists(directory)) yield break;
        foreach (var file in Directory.GetFiles(directory, "*.eml"))
        {
            string text;
            try { text = System.IO.File.ReadAllText(file); }
            catch (IOException) { continue; } // still being written
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0) continue;
            var headers = text[..split];
            var body = text[(split + 4)..];
            var message = new Message(file, headers, body);
            var encoding = message.Header("Content-Transfer-Encoding")?.ToLowerInvariant();
            yield return message with
            {
                Body = encoding switch
                {
                    "quoted-printable" => DecodeQuotedPrintable(body),
                    "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s+", ""))),
                    _ => body,
                },
            };
        }
    }

    /// <summary>Undoes quoted-printable (RFC 2045): soft line breaks ("=" at a line end) and =XX bytes (e.g. =3D for "=").</summary>
    public static string DecodeQuotedPrintable(string text)
    {
        var unwrapped = Regex.Replace(text, @"=[ \t]*\r?\n", "");
        var bytes = new List<byte>(unwrapped.Length);
        for (var i = 0; i < unwrapped.Length; i++)
        {
            var c = unwrapped[i];
            if (c == '=' && i + 2 < unwrapped.Length
                && byte.TryParse(unwrapped.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c < 128) bytes.Add((byte)c); // quoted-printable text is 7-bit ASCII
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLinkPattern();
}
