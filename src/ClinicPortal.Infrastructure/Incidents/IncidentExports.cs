using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>What the person making a copy chose: the entries ticked, the period they must fall in, and who it is for.</summary>
public sealed record IncidentExportRequest(IReadOnlyCollection<Guid> EntryIds, DateOnly? From, DateOnly? To, IncidentExportAudience Audience);

/// <summary>
/// Loads the chosen entries of one client for the chronological export, under the caller's scope: a clinician's export
/// cannot read a private entry (the data filter hides it), the client's own export (in the client's scope) can. Every
/// chosen id must be one of this client's entries the caller may read, inside the period; otherwise the request is refused
/// with a message and nothing is made.
/// </summary>
public sealed class IncidentExports(ClinicDbContext db, ClinicCalendar calendar, IncidentAttachments attachments, IncidentExportWriter writer)
{
    public const string DatesMessage = "Enter the period's dates as day, month and year, the start before the end.";
    public const string UnknownEntryMessage = "One of the chosen entries is not in this record. Choose again from the list.";
    public const string OutsidePeriodMessage = "One of the chosen entries happened outside the period. Widen the period or untick it.";

    /// <summary>The PDF and its reference (kept in the disclosure's audit row).</summary>
    public async Task<(byte[] Pdf, Guid Reference)> MakeAsync(Client client, IncidentExportRequest request, string madeBy, bool byClient, CancellationToken ct)
    {
        var ids = request.EntryIds.Distinct().ToList();
        if (ids.Count == 0) throw new DomainRuleException(IncidentExportDocument.NoEntriesMessage);
        if (ids.Count > IncidentExportDocument.MaxEntries) throw new DomainRuleException(IncidentExportDocument.TooManyMessage);
        if (request.From is not { } from || request.To is not { } to || to < from) throw new DomainRuleException(DatesMessage);
        var zone = await calendar.ZoneAsync(ct);

        var clientId = client.Id;
        var entries = await db.Set<IncidentEntry>().AsNoTracking().Where(e => e.ClientId == clientId && ids.Contains(e.Id)).ToListAsync(ct);
        if (entries.Count != ids.Count) throw new DomainRuleException(UnknownEntryMessage);
        if (entries.Any(e => ClinicTime.DayOf(e.OccurredAt, zone) is var day && (day < from || day > to))) throw new DomainRuleException(OutsidePeriodMessage);

        var addenda = await db.Set<IncidentAddendum>().AsNoTracking().Where(a => a.ClientId == clientId && ids.Contains(a.IncidentId))
            .OrderBy(a => a.WrittenAt).ToListAsync(ct);
        var boundaryIds = entries.Where(e => e.BoundaryId is not null).Select(e => e.BoundaryId!.Value).ToList();
        var people = entries.Where(e => e.SupportPersonId is not null).Select(e => e.SupportPersonId!.Value).ToList();
        var boundaries = await db.Set<Boundary>().Where(b => b.ClientId == clientId && boundaryIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.PersonName, ct);
        var supporters = await db.Set<SupportPerson>().Where(p => p.ClientId == clientId && people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var staffIds = entries.Select(e => e.WrittenByUserId).Concat(addenda.Select(a => a.WrittenByUserId)).Distinct().ToList();
        var staff = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Author(IncidentAuthor by, Guid userId) =>
            by == IncidentAuthor.Client ? "the client" : staff.TryGetValue(userId, out var name) ? $"{name} (clinician)" : "a clinician";
        var files = await attachments.ForExportAsync(clientId, ids, Author, ct);
        var clinic = await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "ClinicPortal";

        var shown = entries.Select(e => new ExportEntry(e.Id, e.OccurredAt, e.WrittenAt, e.CorrectedAt, Author(e.WrittenBy, e.WrittenByUserId), e.IsPrivate,
            Fields(e, boundaries, supporters), e.ContentHash, e.IsIntact,
            addenda.Where(a => a.IncidentId == e.Id).Select(a => new ExportAddendum(a.WrittenAt, Author(a.WrittenBy, a.WrittenByUserId), a.Text, a.ContentHash, a.IsIntact)).ToList(),
            files[e.Id].ToList())).ToList();
        var reference = Guid.NewGuid();
        var export = new IncidentExport(reference, client.FullName, clinic, madeBy, byClient, request.Audience, from, to, calendar.UtcNow, zone,
            IncidentRules.CorrectionWindow, shown);
        return (writer.Write(IncidentExportDocument.Compose(export), calendar.UtcNow), reference);
    }

    /// <summary>Every field of the entry in words; empty optional fields are left out.</summary>
    private static List<KeyValue> Fields(IncidentEntry e, IReadOnlyDictionary<Guid, string> boundaries, IReadOnlyDictionary<Guid, string> supporters)
    {
        var fields = new List<KeyValue> { new("How", CheckInLabels.Of(e.Channel)) };
        if (e.BoundaryId is { } b && boundaries.TryGetValue(b, out var person)) fields.Add(new("Who", person));
        if (e.SupportPersonId is { } s && supporters.TryGetValue(s, out var passer)) fields.Add(new("Passed on by", passer));
        if (e.Place is { } place) fields.Add(new("Where", place));
        fields.Add(new("What was said or done", e.Account));
        if (e.Witnesses is { } w) fields.Add(new("Witnesses", w));
        if (e.PoliceReportNumber is { } r) fields.Add(new("Police report number", r));
        if (e.PoliceOfficer is { } o) fields.Add(new("Officer", o));
        if (e.PoliceBadge is { } badge) fields.Add(new("Badge", badge));
        if (e.Feeling is { } f) fields.Add(new("How it felt", f));
        return fields;
    }
}
