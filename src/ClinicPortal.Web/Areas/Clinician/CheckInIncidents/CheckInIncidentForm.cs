using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.CheckInIncidents;

/// <summary>
/// An incident entry made from a check-in's contact attempt, prefilled from it (when, channel, the client's words) and
/// completed by the clinician. The rules live in <see cref="IncidentEntry"/> and <see cref="IncidentRules"/>.
/// </summary>
public sealed class CheckInIncidentForm
{
    [BindingMessage("Enter the date it happened as day, month and year.")]
    public DateOnly? Date { get; set; }
    [BindingMessage("Enter the time it happened as hours and minutes.")]
    public TimeOnly? Time { get; set; }
    public string? Place { get; set; }
    [BindingMessage(IncidentRules.UnknownPersonMessage)]
    public Guid? BoundaryId { get; set; }
    [BindingMessage(IncidentRules.ChannelMessage)]
    public ContactChannel? Channel { get; set; }
    public string? Account { get; set; }
    public string? Witnesses { get; set; }
    public string? PoliceReportNumber { get; set; }

    [BindNever]
    public IReadOnlyList<(Guid Id, string Name)> People { get; set; } = [];

    /// <summary>The form as the check-in fills it: when it was saved (the client's moment of telling), its channel and words.</summary>
    public static CheckInIncidentForm From(CheckIn checkIn, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(checkIn.CreatedAt, zone);
        return new CheckInIncidentForm
        {
            Date = DateOnly.FromDateTime(local.DateTime), Time = new TimeOnly(local.Hour, local.Minute), Channel = checkIn.Channel,
            Account = checkIn.ContactNote,
        };
    }

    public IncidentDetails ToDetails(TimeZoneInfo zone)
    {
        if (Date is not { } date || Time is not { } time) throw new DomainRuleException(IncidentRules.WhenMessage);
        return new(ClinicTime.ToUtcOrRefuse(date, time, zone), Place, BoundaryId, null, Channel, Account, Witnesses, PoliceReportNumber, null, null, null);
    }
}
