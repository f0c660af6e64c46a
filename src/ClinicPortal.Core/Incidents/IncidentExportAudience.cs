using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>Who a chronological export is for (disclosure accounting).</summary>
public enum IncidentExportRecipient { Client = 1, Advocate = 2, Lawyer = 3, Court = 4, Other = 5 }

/// <summary>
/// An export's audience as its audit row records it: to whom, and for anyone but the client themself, the recipient's
/// name (a person, an organisation, a court), the only free text an audit row holds.
/// </summary>
public sealed record IncidentExportAudience(IncidentExportRecipient Recipient, string? RecipientName)
{
    public const int NameMax = 200;
    public const string ChooseMessage = "Choose who the copy is for.";

    public static IncidentExportAudience Create(IncidentExportRecipient recipient, string? recipientName)
    {
        if (!Enum.IsDefined(recipient)) throw new DomainRuleException(ChooseMessage);
        return recipient == IncidentExportRecipient.Client
            ? new(recipient, null)
            : new(recipient, Guard.Required(recipientName, "The recipient's name", NameMax));
    }

    public static string Label(IncidentExportRecipient recipient) => recipient switch
    {
        IncidentExportRecipient.Client => "The client themself",
        IncidentExportRecipient.Advocate => "An advocate",
        IncidentExportRecipient.Lawyer => "A lawyer",
        IncidentExportRecipient.Court => "A court",
        _ => "Someone else",
    };

    /// <summary>The value kept in the audit row (kebab case, like every verb there).</summary>
    public string Code => Recipient switch
    {
        IncidentExportRecipient.Client => "client",
        IncidentExportRecipient.Advocate => "advocate",
        IncidentExportRecipient.Lawyer => "lawyer",
        IncidentExportRecipient.Court => "court",
        _ => "other",
    };

    /// <summary>"A court (Family Court of X)" for the document's own cover lines.</summary>
    public string Describe() => RecipientName is null ? Label(Recipient) : $"{Label(Recipient)} ({RecipientName})";
}
