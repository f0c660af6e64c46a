using System.Diagnostics;
using System.Text.RegularExpressions;
using ClinicPortal.Testing;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// Reads what the app "sent": with no SMTP host configured it writes each message as an .eml file
/// to its pickup folder (<see cref="Testing.ClinicAppFactory.MailDirectory"/>).
/// </summary>
public static partial class PortalMail
{
    /// <summary>The message files in the pickup folder now, to pass as <c>except</c> when waiting for a new one.</summary>
    public static IReadOnlySet<string> Files(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").ToHashSet() : new HashSet<string>();

    /// <summary>
    /// The newest message addressed to <paramref name="address"/>, waiting up to <paramref name="timeout"/>
    /// (10 s by default) for it to appear. Files in <paramref name="except"/> (see <see cref="Files"/>) are
    /// skipped, so an older message to the same address is never taken for the one awaited.
    /// </summary>
    public static async Task<ReceivedMail> WaitForMessageToAsync(string directory, string address, TimeSpan? timeout = null,
        IReadOnlySet<string>? except = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var newest = ReceivedMail.InFolder(directory, "*.eml")
                .Where(m => except?.Contains(m.File) != true)
                .LastOrDefault(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase));
            if (newest is not null) return newest;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"No message to {address} in {directory} after {limit.TotalSeconds:0} s " +
                    $"({Files(directory).Count} other messages).");
            await Task.Delay(100);
        }
    }

    /// <summary>The invitation link in a message body (absolute, as the client would click it).</summary>
    public static Uri InvitationLink(ReceivedMail message)
    {
        var match = InvitationLinkPattern().Match(message.Body);
        Assert.True(match.Success, $"No invitation link in the message:\n{message.Body}");
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLinkPattern();
}
