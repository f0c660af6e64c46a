using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Email;

/// <summary>
/// The clinic's words for mail to clients (Settings): the sender name and the subjects, and whether the clinic's
/// name signs the message. The defaults name nothing: no clinic, no clinician, no clinical word.
/// </summary>
public sealed record MessageWording(string SenderName, string ReminderSubject, string PromptSubject, string AccountSubject, string? SignOff)
{
    public const string DefaultSenderName = "Notifications", DefaultReminderSubject = "Appointment reminder",
        DefaultPromptSubject = "A reminder for you", DefaultAccountSubject = "Your account";

    public static readonly MessageWording Default = new(DefaultSenderName, DefaultReminderSubject, DefaultPromptSubject, DefaultAccountSubject, null);

    public static MessageWording From(ClinicSettings s) =>
        new(s.MessageSenderName, s.ReminderSubject, s.PromptSubject, s.AccountSubject, s.MessagesNameClinic ? s.Name : null);
}

/// <summary>
/// Every message a client can receive, written for the reader over their shoulder: what is needed to act (a time, a
/// link to sign in) and nothing that says what kind of service this is. The clinic's own words come only from
/// <see cref="MessageWording"/>. <see cref="RevealingWordsIn"/> is the check the tests hold every message to.
/// </summary>
public static partial class DiscreetMessages
{
    /// <summary>Words that would tell a reader what the message is about (matched case-insensitively, as word starts).</summary>
    public static readonly IReadOnlyList<string> RevealingWords =
    [
        "therap", "counsel", "clinic", "psycholog", "psychiatr", "mental health", "abuse", "domestic", "violence", "crisis",
        "safety", "unsafe", "session", "portal", "no contact", "no-contact",
    ];

    /// <param name="videoLink">Only when the clinic puts video links in reminders (Settings); otherwise the client finds it after signing in.</param>
    public static EmailMessage SessionReminder(MessageWording w, string to, DateTimeOffset startsAt, TimeZoneInfo zone, SessionModality modality,
        string signInUrl, string key, string? videoLink = null)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, zone);
        var how = $"How: {TherapySession.Describe(modality)}" + (videoLink is null ? "" : $"\nJoin: {videoLink}");
        return new EmailMessage(to, w.ReminderSubject, Body(w,
            $"""
            This is a reminder of your appointment.

            When: {local:dddd d MMMM yyyy, HH:mm} ({zone.Id})
            {how}

            Sign in for details: {signInUrl}
            """), OpaqueId(key), w.SenderName);
    }

    public static EmailMessage CheckInPrompt(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.PromptSubject, Body(w,
            $"""
            When you have a minute, you can check in here:

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    public static EmailMessage Invitation(MessageWording w, string to, string link, TimeSpan validFor) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            Hello,

            An account has been set up for you. Choose your password here within {Hours(validFor)}:

            {link}

            The link works once. If you did not expect this message, you can ignore it.
            """), null, w.SenderName);

    /// <summary>
    /// A new message waits in the thread. Content free: not the message, not who wrote it; the link is the sign-in page,
    /// never one that opens the message without signing in.
    /// </summary>
    public static EmailMessage NewMessage(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            You have a new message. Sign in to read it.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    /// <summary>
    /// Something on the client's home is worth a look (a date in their records coming up): the fact only, no date, no subject,
    /// no clinician, so whoever reads the inbox learns nothing from it.
    /// </summary>
    public static EmailMessage ClientReminder(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.PromptSubject, Body(w,
            $"""
            You have a reminder. Sign in to see it.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    /// <summary>For the forgotten-password page: the same neutral wording as every other message.</summary>
    public static EmailMessage PasswordReset(MessageWording w, string to, string link, TimeSpan validFor) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            Hello,

            A new password was asked for on your account. If that was you, choose one here within {Hours(validFor)}:

            {link}

            If it was not you, ignore this message: your password has not changed.
            """), null, w.SenderName);

    public const string UrgentAlertSubject = "Urgent alert";

    /// <summary>
    /// To a clinician (or, on escalation, their backup or an administrator): the fact that something waits for them, and a
    /// link to sign in. No client, no kind of alert, nothing clinical: staff mail can be read on a lock screen too.
    /// </summary>
    public static EmailMessage UrgentAlert(MessageWording w, string to, string signInUrl, string key) =>
        new(to, UrgentAlertSubject, Body(w,
            $"""
            You have an urgent alert. Sign in to see it.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    /// <summary>To the clinician a client was transferred from: the fact, no client, no reason, nothing of the record.</summary>
    public static EmailMessage TransferNotice(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            A client has been transferred from your caseload. Sign in to see it.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    /// <summary>To every other administrator when a client is transferred to an account invited days before: the fact, no names.</summary>
    public static EmailMessage ReachNotice(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            A client was transferred to an account invited in the last {AdministratorReachDays} days. Sign in to see the audit log.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    /// <summary>
    /// To a clinician, something is due on one of their records (a date coming up): the fact only, no client, no kind of
    /// record, no date, so a lock screen shows nothing of it.
    /// </summary>
    public static EmailMessage StaffReminder(MessageWording w, string to, string signInUrl, string key) =>
        new(to, w.AccountSubject, Body(w,
            $"""
            You have a reminder. Sign in to see it.

            {signInUrl}
            """), OpaqueId(key), w.SenderName);

    private static readonly int AdministratorReachDays = (int)Clients.AdministratorReach.Window.TotalDays;

    /// <summary>The revealing words in a text, ignoring web addresses (the clinic's own address is configuration, not wording).</summary>
    public static IReadOnlyList<string> RevealingWordsIn(string text)
    {
        var words = Url().Replace(text, " ");
        return RevealingWords.Where(w => Regex.IsMatch(words, $@"\b{Regex.Escape(w)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
    }

    /// <summary>A Message-ID part that stays the same for a message sent twice and says nothing about it (the outbox key does).</summary>
    public static string OpaqueId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string Body(MessageWording w, string text) => w.SignOff is { } name ? $"{text}\n\n{name}" : text;

    private static string Hours(TimeSpan span) => span.TotalHours >= 2 ? $"{span.TotalHours:0} hours" : $"{span.TotalMinutes:0} minutes";

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
