using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Auditing;

/// <summary>
/// One row of the append-only audit log: who did what to which record, never the content itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string Role { get; private set; } = "";
    public Guid? ClientId { get; private set; }
    public string Action { get; private set; } = "";
    public string RecordType { get; private set; } = "";
    public string? RecordId { get; private set; }
    public string? IpAddress { get; private set; }
    /// <summary>For a disclosure (a report handed out): to whom, as a code (<c>client</c>, <c>court</c>…), and the recipient's name.</summary>
    public string? DisclosedTo { get; private set; }
    public string? Recipient { get; private set; }

    public const int DisclosedToMax = 30, RecipientMax = 200;

    private AuditEntry() { }

    /// <summary>Marks this (new) row as a disclosure. The only words an audit row keeps: who received the record, as the clinician typed it.</summary>
    public void RecordDisclosure(string disclosedTo, string? recipient) =>
        (DisclosedTo, Recipient) = (Guard.Required(disclosedTo, "Disclosed to", DisclosedToMax), Guard.Optional(recipient, "Recipient", RecipientMax));

    public AuditEntry(DateTimeOffset at, Guid? userId, string role, Guid? clientId, string action, string recordType, string? recordId, string? ipAddress) =>
        (At, UserId, Role, ClientId, Action, RecordType, RecordId, IpAddress) = (at, userId, role, clientId, action, recordType, recordId, ipAddress);
}

/// <summary>The verbs recorded in the audit log.</summary>
public static class AuditActions
{
    public const string View = "view";
    public const string Create = "create";
    public const string Update = "update";
    public const string Sign = "sign";
    public const string Addendum = "addendum";
    public const string Export = "export";
    public const string Invite = "invite";
    public const string Reassign = "reassign";
    public const string AcceptInvitation = "accept-invitation";
    public const string Retire = "retire";
    public const string Reinstate = "reinstate";
    public const string Delete = "delete";
    public const string Acknowledge = "acknowledge";
    public const string Escalate = "escalate";
    public const string SignIn = "sign-in";
    public const string Deactivate = "deactivate";
    public const string Reactivate = "reactivate";
    public const string EnableTwoFactor = "enable-two-factor";
    public const string DisableTwoFactor = "disable-two-factor";
    public const string ResetTwoFactor = "reset-two-factor";
    public const string NewRecoveryCodes = "new-recovery-codes";
    public const string ChangePassword = "change-password";
    public const string RequestPasswordReset = "request-password-reset";
    public const string ResetPassword = "reset-password";
    public const string SignOutEverywhere = "sign-out-everywhere";
    public const string ReissueSignIn = "reissue-sign-in";
    public const string EndAccess = "end-access";
    public const string ChangeSignInEmail = "change-sign-in-email";
    /// <summary>A transfer to an account invited days before was told to the other administrators (see AdministratorReach).</summary>
    public const string NotifyAdministrators = "notify-administrators";
    /// <summary>A cover ended early by the client's clinician or an administrator.</summary>
    public const string Revoke = "revoke";
    /// <summary>A client's reflection marked as reviewed with them.</summary>
    public const string Review = "review";
    /// <summary>A trial contact ended with a return to no contact.</summary>
    public const string EndTrial = "end-trial";
    /// <summary>An incident log's hashes recomputed and compared (the record id is the entry, or none for a whole list).</summary>
    public const string Verify = "verify";
}

/// <summary>The kinds of record named in the audit log.</summary>
public static class AuditRecords
{
    public const string Client = "client";
    public const string CaseNote = "case-note";
    public const string Caseload = "caseload";
    /// <summary>The clinician's week calendar (client names and session times for a week; the record id is the week's Monday).</summary>
    public const string Calendar = "calendar";
    public const string Invitation = "invitation";
    public const string Session = "session";
    public const string CheckInPrompt = "check-in-prompt";
    public const string OutboxMessage = "outbox-message";
    public const string StageProgress = "stage-progress";
    public const string StageAssessment = "stage-assessment";
    public const string StageModelAssignment = "stage-model-assignment";
    public const string StageModel = "stage-model";
    public const string Boundary = "boundary";
    public const string BoundaryRevision = "boundary-revision";
    public const string SupportPerson = "support-person";
    public const string SafetyConcern = "safety-concern";
    public const string SafetyPlan = "safety-plan";
    public const string ClinicianAlert = "clinician-alert";
    public const string CrisisResource = "crisis-resource";
    /// <summary>A client's check-in (its private journal, if any, is never named in the log).</summary>
    public const string CheckIn = "check-in";
    public const string SelfCareChecklist = "self-care-checklist";
    /// <summary>A progress report downloaded as a PDF (the record id is the report's id, printed on it as its reference).</summary>
    public const string ProgressReport = "progress-report";
    /// <summary>A progress report shown as the HTML print view.</summary>
    public const string ProgressReportPrintView = "progress-report-print-view";
    /// <summary>A chronological export of chosen incident entries (PDF; the record id is the export's reference, printed on it). Names no entry.</summary>
    public const string IncidentExport = "incident-export";
    /// <summary>A picture or PDF attached to an incident entry (stored encrypted; every download is a view).</summary>
    public const string IncidentAttachment = "incident-attachment";
    /// <summary>A sign-in (staff or client): invitations, activation, two-factor set-up; the record id is the user id.</summary>
    public const string Account = "account";
    public const string ClientTransfer = "client-transfer";
    /// <summary>A client's contact-safety profile (the record id is the client id: one profile per client).</summary>
    public const string ContactSafetyProfile = "contact-safety-profile";
    /// <summary>A client's own discreet-mode choice (the record id is the user id).</summary>
    public const string DiscreetMode = "discreet-mode";
    public const string ClinicSettings = "clinic-settings";
    /// <summary>A message in a client's secure thread (a view names no record: the whole thread was read).</summary>
    public const string SecureMessage = "secure-message";
    /// <summary>A client's request for a time, or to move or cancel a session (ids and verbs only, like every row).</summary>
    public const string AppointmentRequest = "appointment-request";
    /// <summary>A client's hard date (a birthday, an anniversary...); a view of the list names no record.</summary>
    public const string HardDate = "hard-date";
    public const string AvailabilityWindow = "availability-window";
    public const string AuditLog = "audit-log";
    /// <summary>A temporary cover of one client (a view of the cover pages names no record).</summary>
    public const string CoverGrant = "cover-grant";
    /// <summary>The clinic's weekly on-call rota (one record: no id).</summary>
    public const string OnCallRota = "on-call-rota";
    /// <summary>A client's treatment plan (a sign or an acknowledgement names the plan; the revision number is on the revision).</summary>
    public const string TreatmentPlan = "treatment-plan";
    /// <summary>A task between sessions (a view of the list names no record).</summary>
    public const string ClientTask = "client-task";
    public const string TrialContactPlan = "trial-contact-plan";
    /// <summary>A client's readiness reflection about reconnecting with the person of one boundary.</summary>
    public const string ReadinessReflection = "readiness-reflection";
    /// <summary>A client's answers after a trial contact ended (or their choice to skip them).</summary>
    public const string TrialDebrief = "trial-debrief";
    /// <summary>A questionnaire given to a client (PHQ-9, GAD-7, PCL-5) and its answers; a view of a list names no record.</summary>
    public const string MeasureResponse = "measure-response";
    public const string MeasureSchedule = "measure-schedule";
    public const string MeasureNote = "measure-note";
    /// <summary>A client's protective order (a view of the list names no record; ending one early is an update).</summary>
    public const string ProtectiveOrder = "protective-order";
    /// <summary>A client's incident entry (an addendum is the verb `addendum` on its entry); private entries write no rows.</summary>
    public const string IncidentEntry = "incident-entry";
}
