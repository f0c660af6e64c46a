using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Admin.Settings;

/// <summary>
/// The settings form, as typed. To add a setting: a property here, in <see cref="ToChange"/> and
/// <see cref="From"/>, in <see cref="ClinicSettingsChange"/> (with its check in ClinicSettingsRules.Apply),
/// and a field in Index.cshtml.
/// </summary>
public sealed class ClinicSettingsForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? Name { get; set; }
    public string? TimeZoneId { get; set; }
    /// <summary>E.g. "24h, 2h".</summary>
    public string? ReminderLeadTimes { get; set; }
    [BindingMessage("Idle sign-out must be a whole number of minutes.")]
    public int? IdleTimeoutMinutes { get; set; }
    [BindingMessage("The urge threshold must be a whole number from 1 to 10.")]
    public int? CheckInUrgeThreshold { get; set; }
    [BindingMessage("Days without a check-in must be a whole number of days.")]
    public int? NoCheckInDays { get; set; }
    public string? MessageSenderName { get; set; }
    public string? ReminderSubject { get; set; }
    public string? PromptSubject { get; set; }
    public string? AccountSubject { get; set; }
    /// <summary>An unticked box posts nothing: false.</summary>
    public bool MessagesNameClinic { get; set; }
    public string? QuickExitUrl { get; set; }
    [BindingMessage("Minutes before an alert goes to the backup must be a whole number.")]
    public int? EscalateAfterMinutes { get; set; }
    [BindingMessage("Minutes before an alert goes to the administrators must be a whole number.")]
    public int? EscalateToAdministratorsAfterMinutes { get; set; }
    [BindingMessage(AlertRules.ContactAttemptSeverityMessage)]
    public ConcernSeverity? ContactAttemptSeverity { get; set; }
    [BindingMessage("The usual reply time must be a whole number of working days.")]
    public int? MessageReplyDays { get; set; }
    [BindingMessage("The video link time must be a whole number of minutes.")]
    public int? VideoLinkMinutesBefore { get; set; }
    /// <summary>An unticked box posts nothing: false.</summary>
    public bool VideoLinkInEmail { get; set; }
    [BindingMessage("The notice for appointment requests must be a whole number of hours.")]
    public int? RequestNoticeHours { get; set; }

    public static ClinicSettingsForm From(ClinicSettings s) => new()
    {
        Name = s.Name, TimeZoneId = s.TimeZoneId, ReminderLeadTimes = ClinicSettingsRules.FormatLeadTimes(s.ReminderLeadMinutes),
        IdleTimeoutMinutes = s.IdleTimeoutMinutes,
        CheckInUrgeThreshold = s.CheckInUrgeThreshold,
        NoCheckInDays = s.NoCheckInDays,
        MessageSenderName = s.MessageSenderName, ReminderSubject = s.ReminderSubject, PromptSubject = s.PromptSubject, AccountSubject = s.AccountSubject,
        MessagesNameClinic = s.MessagesNameClinic, QuickExitUrl = s.QuickExitUrl,
        EscalateAfterMinutes = s.EscalateAfterMinutes, EscalateToAdministratorsAfterMinutes = s.EscalateToAdministratorsAfterMinutes,
        ContactAttemptSeverity = s.ContactAttemptSeverity,
        MessageReplyDays = s.MessageReplyDays, VideoLinkMinutesBefore = s.VideoLinkMinutesBefore, VideoLinkInEmail = s.VideoLinkInEmail,
        RequestNoticeHours = s.RequestNoticeHours,
    };

    /// <summary>The time zones offered (every IANA zone, and the current one even if unknown here): shown, never read from a post.</summary>
    [BindNever]
    public IReadOnlyList<string> TimeZones { get; set; } = [];

    public ClinicSettingsChange ToChange() => new(Name, TimeZoneId, ReminderLeadTimes, IdleTimeoutMinutes, CheckInUrgeThreshold, NoCheckInDays,
        MessageSenderName, ReminderSubject, PromptSubject, AccountSubject, MessagesNameClinic, QuickExitUrl,
        EscalateAfterMinutes, EscalateToAdministratorsAfterMinutes, MessageReplyDays, VideoLinkMinutesBefore, VideoLinkInEmail, RequestNoticeHours,
        ContactAttemptSeverity);
}
