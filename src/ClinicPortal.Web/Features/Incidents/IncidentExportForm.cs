using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>The chronological export's choices as posted: the entries ticked, the period and who it is for.</summary>
public sealed class IncidentExportForm
{
    [BindingMessage(IncidentExports.DatesMessage)]
    public DateOnly? From { get; set; }
    [BindingMessage(IncidentExports.DatesMessage)]
    public DateOnly? To { get; set; }
    [BindingMessage(IncidentExports.UnknownEntryMessage)]
    public List<Guid> Entries { get; set; } = [];
    [BindingMessage(IncidentExportAudience.ChooseMessage)]
    public IncidentExportRecipient Recipient { get; set; } = IncidentExportRecipient.Client;
    public string? RecipientName { get; set; }

    /// <summary>Every entry ticked, over the whole of the record up to today.</summary>
    public static IncidentExportForm Defaults(IReadOnlyList<ExportChoice> entries, DateOnly today) => new()
    {
        From = entries.Count == 0 ? today : entries.Min(e => e.Day),
        To = today,
        Entries = entries.Select(e => e.Id).ToList(),
    };

    /// <summary>Checks the audience; throws <see cref="Core.Common.DomainRuleException"/> with a message for the page.</summary>
    public IncidentExportRequest ToRequest() => new(Entries, From, To, IncidentExportAudience.Create(Recipient, RecipientName));
}
