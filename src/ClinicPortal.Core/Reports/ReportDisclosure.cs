using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Reports;

/// <summary>Who a progress report is handed to (disclosure accounting), apart from which copy it is (<see cref="ReportAudience"/>).</summary>
public enum ReportRecipient { Client, Clinician, LawyerOrAdvocate, Court, Other }

/// <summary>
/// A report's disclosure as its export's audit row records it: to whom, and (for anyone but the client) the recipient's
/// name, so the clinic can account for every disclosure of a client's record.
/// </summary>
public sealed record ReportDisclosure(ReportRecipient Recipient, string? RecipientName)
{
    public const int NameMax = 200;

    public static ReportDisclosure Create(ReportRecipient recipient, string? recipientName)
    {
        if (!Enum.IsDefined(recipient)) throw new DomainRuleException(ChooseMessage);
        return recipient == ReportRecipient.Client
            ? new(recipient, null) // the client's own copy: the client is the recipient
            : new(recipient, Guard.Required(recipientName, "The recipient's name", NameMax));
    }

    public const string ChooseMessage = "Choose who the report is for.";

    /// <summary>The words the form and the audit viewer use.</summary>
    public static string Label(ReportRecipient recipient) => recipient switch
    {
        ReportRecipient.Client => "The client (client copy)",
        ReportRecipient.Clinician => "Another clinician",
        ReportRecipient.LawyerOrAdvocate => "The client's lawyer or advocate",
        ReportRecipient.Court => "A court",
        _ => "Someone else",
    };

    /// <summary>The value kept in the audit row (kebab case, like every verb there).</summary>
    public string Code => Recipient switch
    {
        ReportRecipient.Client => "client",
        ReportRecipient.Clinician => "clinician",
        ReportRecipient.LawyerOrAdvocate => "lawyer-or-advocate",
        ReportRecipient.Court => "court",
        _ => "other",
    };
}
