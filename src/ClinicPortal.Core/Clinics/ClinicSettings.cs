namespace ClinicPortal.Core.Clinics;

/// <summary>The clinic this installation serves (one row).</summary>
public sealed class ClinicSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "ClinicPortal";
    /// <summary>IANA time zone id, e.g. America/Chicago.</summary>
    public string TimeZoneId { get; set; } = "America/New_York";
    /// <summary>Minutes without a request after which a signed-in person is signed out (default 20).</summary>
    public int IdleTimeoutMinutes { get; set; } = ClinicSettingsRules.DefaultIdleTimeoutMinutes;

    /// <summary>How long before a session each reminder goes out (default 24 h and 2 h).</summary>
    public int[] ReminderLeadMinutes { get; set; } = [24 * 60, 2 * 60];
    /// <summary>A check-in urge at or above this (0–10) flags the client on the caseload (default 7).</summary>
    public int CheckInUrgeThreshold { get; set; } = CheckIns.CheckInRules.DefaultUrgeThreshold;
    /// <summary>An active client with a sign-in and no check-in for this many days is flagged (default 7).</summary>
    public int NoCheckInDays { get; set; } = CheckIns.CheckInRules.DefaultNoCheckInDays;

    public CheckIns.CheckInRules CheckInRules => new(CheckInUrgeThreshold, NoCheckInDays);

    // Discreet messages: what a client's inbox shows. Neutral by default; the clinic may choose other words.
    public string MessageSenderName { get; set; } = Email.MessageWording.DefaultSenderName;
    public string ReminderSubject { get; set; } = Email.MessageWording.DefaultReminderSubject;
    public string PromptSubject { get; set; } = Email.MessageWording.DefaultPromptSubject;
    public string AccountSubject { get; set; } = Email.MessageWording.DefaultAccountSubject;
    /// <summary>Sign messages with the clinic's name (default off: the name can tell a reader what the message is about).</summary>
    public bool MessagesNameClinic { get; set; }

    /// <summary>Where "Leave now" takes the browser: a neutral site that replaces the portal in the history.</summary>
    public string QuickExitUrl { get; set; } = ClinicSettingsRules.DefaultQuickExitUrl;
    /// <summary>Minutes an imminent alert waits unacknowledged before it goes to the clinician's backup (default 15).</summary>
    public int EscalateAfterMinutes { get; set; } = Safety.Escalation.DefaultBackupAfterMinutes;
    /// <summary>Further minutes before it goes to the administrators (default 15).</summary>
    public int EscalateToAdministratorsAfterMinutes { get; set; } = Safety.Escalation.DefaultAdministratorsAfterMinutes;
    /// <summary>
    /// How a contact attempt reported in a check-in is rated (moderate by default): imminent ones email and escalate like
    /// "I feel unsafe"; high and moderate ones email the clinicians who asked for them (Core/Safety/AlertRules.Emails).
    /// </summary>
    public Safety.ConcernSeverity ContactAttemptSeverity { get; set; } = Safety.ConcernSeverity.Moderate;

    /// <summary>The clinic's usual reply time to a client's message, in working days (default 2), shown beside the thread.</summary>
    public int MessageReplyDays { get; set; } = 2;

    /// <summary>How long before a video session its link appears to the client (default 15 minutes); it stays until the session ends.</summary>
    public int VideoLinkMinutesBefore { get; set; } = Sessions.VideoLink.DefaultMinutesBefore;
    /// <summary>Put the video link in reminder emails (default off: a link in an inbox can be read by anyone who reads the inbox).</summary>
    public bool VideoLinkInEmail { get; set; }

    /// <summary>A client's request for a time, or to move or cancel a session, needs this many hours' notice (default 24).</summary>
    public int RequestNoticeHours { get; set; } = Appointments.RequestRules.DefaultNoticeHours;
}
