using MimeKit;

namespace ClinicPortal.Testing;

/// <summary>
/// One message as a mail client would read it, parsed by MimeKit: from the app's pickup folder (.eml
/// files) or the SMTP sink's maildir. Transfer encodings (quoted-printable, base64) are undone.
/// </summary>
public sealed class ReceivedMail
{
    private ReceivedMail(string file, MimeMessage message)
    {
        File = file;
        MessageId = message.MessageId ?? "";
        To = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        From = string.Join(", ", message.From.Mailboxes.Select(m => m.ToString()));
        Subject = message.Subject ?? "";
        Body = message.TextBody ?? "";
        Headers = string.Join("\n", message.Headers.Select(h => $"{h.Field}: {h.Value}"));
    }

    public string File { get; }
    public string MessageId { get; }
    /// <summary>The recipients' addresses, comma-separated.</summary>
    public string To { get; }
    /// <summary>The sender as the recipient sees it: display name and address.</summary>
    public string From { get; }
    public string Subject { get; }
    /// <summary>The decoded plain-text body.</summary>
    public string Body { get; }
    /// <summary>Every header, decoded, one per line.</summary>
    public string Headers { get; }
    /// <summary>Headers and body: what a person could read anywhere in the message.</summary>
    public string Text => Headers + "\n\n" + Body;

    public DateTime WrittenAt => System.IO.File.GetLastWriteTimeUtc(File);

    public static ReceivedMail Read(string file)
    {
        using var stream = System.IO.File.OpenRead(file);
        return new ReceivedMail(file, MimeMessage.Load(stream));
    }

    /// <summary>
    /// Every message in <paramref name="folder"/>, oldest first (by write time, then by name: the app names its
    /// .eml files by the time to the tick); none when the folder does not exist yet.
    /// </summary>
    public static IReadOnlyList<ReceivedMail> InFolder(string folder, string pattern = "*") =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, pattern).Select(Read).OrderBy(m => m.WrittenAt).ThenBy(m => m.File, StringComparer.Ordinal).ToList()
            : [];

    public override string ToString() => Text;
}
