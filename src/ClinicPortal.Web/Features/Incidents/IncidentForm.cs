using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>
/// An incident entry as the client's quick log and the clinician's page post it: when (date and time in the client's or the
/// clinic's time zone), how, what was said or done, and the optional rest. The person is one choice, "b:{id}" for a boundary
/// person or "s:{id}" for a support-network person, checked again with both ids by <c>IncidentLog</c>.
/// </summary>
public sealed class IncidentForm : IVersionedForm
{
    public const string BoundaryPrefix = "b:";
    public const string SupportPrefix = "s:";

    public uint Version { get; set; }

    [BindingMessage("Enter the date it happened (for example 2026-11-30).")]
    public DateOnly? Date { get; set; }
    [BindingMessage("Enter the time it happened (for example 21:30).")]
    public TimeOnly? Time { get; set; }
    [BindingMessage(IncidentRules.ChannelMessage)]
    public ContactChannel? Channel { get; set; }
    public string? Account { get; set; }
    public string? Who { get; set; }
    public string? Place { get; set; }
    public string? Witnesses { get; set; }
    public string? PoliceReportNumber { get; set; }
    public string? PoliceOfficer { get; set; }
    public string? PoliceBadge { get; set; }
    public string? Feeling { get; set; }
    [BindingMessage("Choose whether to keep this note to yourself.")]
    public bool IsPrivate { get; set; }

    /// <summary>The people the form offers (a boundary's person, someone in the support network).</summary>
    [BindNever] public IReadOnlyList<IncidentPersonChoice> People { get; set; } = [];
    /// <summary>Whether the "keep this private" choice is offered (the client's own pages only).</summary>
    [BindNever] public bool OffersPrivacy { get; set; }

    /// <summary>A blank form whose "when" is now, in <paramref name="zone"/>.</summary>
    public static IncidentForm Now(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new() { Date = DateOnly.FromDateTime(local.DateTime), Time = new TimeOnly(local.Hour, local.Minute) };
    }

    public static IncidentForm From(IncidentEntry e, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(e.OccurredAt, zone);
        return new()
        {
            Date = DateOnly.FromDateTime(local.DateTime), Time = new TimeOnly(local.Hour, local.Minute), Channel = e.Channel, Account = e.Account,
            Who = e.BoundaryId is { } b ? BoundaryPrefix + b : e.SupportPersonId is { } s ? SupportPrefix + s : null,
            Place = e.Place, Witnesses = e.Witnesses, PoliceReportNumber = e.PoliceReportNumber, PoliceOfficer = e.PoliceOfficer,
            PoliceBadge = e.PoliceBadge, Feeling = e.Feeling, IsPrivate = e.IsPrivate,
        };
    }

    public IncidentDetails ToDetails(TimeZoneInfo zone)
    {
        DateTimeOffset? at = Date is { } d && Time is { } t ? ClinicTime.ToUtcOrRefuse(d, t, zone) : null;
        var (boundaryId, supportPersonId) = Person(Who);
        return new(at, Place, boundaryId, supportPersonId, Channel, Account, Witnesses, PoliceReportNumber, PoliceOfficer, PoliceBadge, Feeling);
    }

    /// <summary>The chosen person's id, by kind; anything but a choice's value is refused with the list's message.</summary>
    private static (Guid?, Guid?) Person(string? who)
    {
        if (string.IsNullOrWhiteSpace(who)) return (null, null);
        if (who.StartsWith(BoundaryPrefix, StringComparison.Ordinal) && Guid.TryParse(who[BoundaryPrefix.Length..], out var b)) return (b, null);
        if (who.StartsWith(SupportPrefix, StringComparison.Ordinal) && Guid.TryParse(who[SupportPrefix.Length..], out var s)) return (null, s);
        throw new DomainRuleException(IncidentRules.UnknownPersonMessage);
    }
}

/// <summary>A person the form offers: its value ("b:…" or "s:…"), the name, and whether it is a boundary's person.</summary>
public sealed record IncidentPersonChoice(string Value, string Name, bool FromPlan);

/// <summary>An addendum as posted.</summary>
public sealed class AddendumForm
{
    public string? Text { get; set; }
}
