using System.Globalization;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Clinics;

/// <summary>
/// What an administrator submits on the clinic settings page, as typed. A new setting is a new property
/// here, a check in <see cref="ClinicSettingsRules.Apply"/> and a field on the form.
/// </summary>
public sealed record ClinicSettingsChange(string? Name, string? TimeZoneId, string? ReminderLeadTimes, int? IdleTimeoutMinutes,
    int? CheckInUrgeThreshold = null, int? NoCheckInDays = null,
    string? MessageSenderName = null, string? ReminderSubject = null, string? PromptSubject = null, string? AccountSubject = null,
    bool? MessagesNameClinic = null, string? QuickExitUrl = null,
    int? EscalateAfterMinutes = null, int? EscalateToAdministratorsAfterMinutes = null,
    int? MessageReplyDays = null, int? VideoLinkMinutesBefore = null, bool? VideoLinkInEmail = null, int? RequestNoticeHours = null,
    Safety.ConcernSeverity? ContactAttemptSeverity = null);

/// <summary>Checks every clinic setting before any is changed, so a refused form changes nothing.</summary>
public static partial class ClinicSettingsRules
{
    public const int NameMax = 120, MaxLeadTimes = 5;
    public const int DefaultIdleTimeoutMinutes = 20, MinIdleTimeoutMinutes = 5, MaxIdleTimeoutMinutes = 120;
    public const int MaxLeadMinutes = 14 * 24 * 60;
    public const int MessageWordsMax = 80, QuickExitUrlMax = 300;
    public const string DefaultQuickExitUrl = "https://www.google.com/";
    public const int MaxReplyDays = 10, MaxNoticeHours = 7 * 24;

    public static void Apply(ClinicSettings settings, ClinicSettingsChange change)
    {
        var name = Guard.Required(change.Name, "Clinic name", NameMax);
        var zone = ValidTimeZone(change.TimeZoneId);
        var leads = ParseLeadTimes(change.ReminderLeadTimes);
        var idle = ValidIdleTimeout(change.IdleTimeoutMinutes);
        // Check-in signal settings left out of a submission keep their current values.
        var checkIns = CheckIns.CheckInRules.Create(change.CheckInUrgeThreshold ?? settings.CheckInUrgeThreshold, change.NoCheckInDays ?? settings.NoCheckInDays);
        // Message wording and the quick-exit site, likewise kept when left out.
        var sender = MessageWords(change.MessageSenderName ?? settings.MessageSenderName, "Sender name");
        var reminder = MessageWords(change.ReminderSubject ?? settings.ReminderSubject, "Reminder subject");
        var prompt = MessageWords(change.PromptSubject ?? settings.PromptSubject, "Check-in prompt subject");
        var account = MessageWords(change.AccountSubject ?? settings.AccountSubject, "Account message subject");
        var exit = ValidQuickExitUrl(change.QuickExitUrl ?? settings.QuickExitUrl);
        // Escalation of unacknowledged imminent alerts, likewise kept when left out.
        var toBackup = EscalationMinutes(change.EscalateAfterMinutes ?? settings.EscalateAfterMinutes, "Minutes before an alert goes to the backup");
        var toAdmins = EscalationMinutes(change.EscalateToAdministratorsAfterMinutes ?? settings.EscalateToAdministratorsAfterMinutes,
            "Minutes before it goes to the administrators");
        var contactAttempts = Safety.AlertRules.ValidContactAttemptSeverity(change.ContactAttemptSeverity ?? settings.ContactAttemptSeverity);
        // Messages and video links, likewise kept when left out.
        var replyDays = change.MessageReplyDays ?? settings.MessageReplyDays;
        if (replyDays is < 0 or > MaxReplyDays) throw new DomainRuleException($"The usual reply time must be 0 to {MaxReplyDays} working days.");
        var notice = change.RequestNoticeHours ?? settings.RequestNoticeHours;
        if (notice is < 0 or > MaxNoticeHours) throw new DomainRuleException($"The notice for appointment requests must be 0 to {MaxNoticeHours} hours.");
        var videoBefore = change.VideoLinkMinutesBefore ?? settings.VideoLinkMinutesBefore;
        if (videoBefore is < 0 or > Sessions.VideoLink.MaxMinutesBefore)
            throw new DomainRuleException($"The video link can appear 0 to {Sessions.VideoLink.MaxMinutesBefore} minutes before a session.");

        (settings.Name, settings.TimeZoneId, settings.ReminderLeadMinutes, settings.IdleTimeoutMinutes) = (name, zone, leads, idle);
        (settings.CheckInUrgeThreshold, settings.NoCheckInDays) = (checkIns.UrgeThreshold, checkIns.NoCheckInDays);
        (settings.MessageSenderName, settings.ReminderSubject, settings.PromptSubject, settings.AccountSubject) = (sender, reminder, prompt, account);
        (settings.MessagesNameClinic, settings.QuickExitUrl) = (change.MessagesNameClinic ?? settings.MessagesNameClinic, exit);
        (settings.EscalateAfterMinutes, settings.EscalateToAdministratorsAfterMinutes, settings.ContactAttemptSeverity) = (toBackup, toAdmins, contactAttempts);
        (settings.MessageReplyDays, settings.VideoLinkMinutesBefore) = (replyDays, videoBefore);
        (settings.VideoLinkInEmail, settings.RequestNoticeHours) = (change.VideoLinkInEmail ?? settings.VideoLinkInEmail, notice);
    }

    private static int EscalationMinutes(int minutes, string field) =>
        minutes is >= Safety.Escalation.MinMinutes and <= Safety.Escalation.MaxMinutes ? minutes
            : throw new DomainRuleException($"{field} must be from {Safety.Escalation.MinMinutes} to {Safety.Escalation.MaxMinutes}.");

    /// <summary>A sender name or subject: one line of text (a line break would let it add mail headers).</summary>
    public static string MessageWords(string? value, string field)
    {
        var text = Guard.Required(value, field, MessageWordsMax);
        if (text.Any(char.IsControl)) throw new DomainRuleException($"{field} must be one line of text.");
        return text;
    }

    /// <summary>"Leave now" goes here: a full https:// address of another site.</summary>
    public static string ValidQuickExitUrl(string? value)
    {
        var url = Guard.Required(value, "Leave now address", QuickExitUrlMax);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
            throw new DomainRuleException("The Leave now address must be a full address starting with https://, e.g. https://www.google.com/.");
        return uri.AbsoluteUri;
    }

    public static string ValidTimeZone(string? id)
    {
        var value = Guard.Required(id, "Time zone", 64);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone))
            throw new DomainRuleException($"\"{value}\" is not a known time zone. Choose one from the list, e.g. America/Chicago.");
        return zone.Id;
    }

    public static int ValidIdleTimeout(int? minutes) => minutes switch
    {
        null => throw new DomainRuleException("Idle sign-out is required."),
        < MinIdleTimeoutMinutes or > MaxIdleTimeoutMinutes =>
            throw new DomainRuleException($"Idle sign-out must be between {MinIdleTimeoutMinutes} and {MaxIdleTimeoutMinutes} minutes."),
        { } m => m,
    };

    /// <summary>
    /// Reads reminder lead times such as "24h, 2h, 30m" (units d, h or m) into minutes, longest first.
    /// Empty means no reminders. Each must be more than zero and at most 14 days; at most five, none twice.
    /// </summary>
    public static int[] ParseLeadTimes(string? text)
    {
        var parts = (text ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxLeadTimes)
            throw new DomainRuleException($"Give at most {MaxLeadTimes} reminder times.");

        var minutes = new List<int>();
        foreach (var part in parts)
        {
            var match = LeadTime().Match(part);
            if (!match.Success)
                throw new DomainRuleException($"\"{Shorten(part)}\" is not a reminder time. Write each like 2d, 24h or 30m, separated by commas.");
            var amount = long.Parse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var unit = match.Groups[2].Value.ToLowerInvariant();
            var value = amount * (unit.StartsWith('d') ? 24 * 60 : unit.StartsWith('h') ? 60 : 1);
            if (value <= 0)
                throw new DomainRuleException($"\"{Shorten(part)}\" is not before the session: reminder times must be more than zero.");
            if (value > MaxLeadMinutes)
                throw new DomainRuleException($"\"{Shorten(part)}\" is too far ahead: reminders go out at most 14 days before a session.");
            if (minutes.Contains((int)value))
                throw new DomainRuleException($"\"{Shorten(part)}\" is listed twice.");
            minutes.Add((int)value);
        }
        return minutes.OrderDescending().ToArray();
    }

    /// <summary>The form's text for stored lead times, e.g. [1440, 120, 30] → "24h, 2h, 30m".</summary>
    public static string FormatLeadTimes(IEnumerable<int> minutes) =>
        string.Join(", ", minutes.OrderDescending().Select(m => m % (24 * 60) == 0 && m > 24 * 60 ? $"{m / (24 * 60)}d" : m % 60 == 0 ? $"{m / 60}h" : $"{m}m"));

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex(@"^([+-]?\d{1,9})\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadTime();
}
