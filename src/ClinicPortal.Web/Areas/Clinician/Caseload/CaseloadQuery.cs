using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

/// <summary>One caseload row: the signals a clinician scans first.</summary>
public sealed record CaseloadRow(
    Guid Id, string FullName, string? PreferredName, ClientStatus Status,
    ClientSummary Summary, string? StageModelName, string? StageName, int? StagePosition,
    int OverdueBoundaryReviews, DateTimeOffset? NextSession)
{
    public CheckInSignalSet CheckInSignals { get; init; } = CheckInSignalSet.None;

    /// <summary>The day of the last check-in in the clinic's time zone.</summary>
    public DateOnly? LastCheckInDay { get; init; }

    /// <summary>Whether email may reach the client (their contact-safety profile), for the badge beside the name.</summary>
    public ContactSafetyLevel ContactSafety { get; init; }

    public bool ImminentAlert => Summary.ImminentAlerts > 0;

    public int? DaysInStage(DateOnly today) => Summary.StageSince is { } since ? Math.Max(0, today.DayNumber - since.DayNumber) : null;

    public string DisplayName => Client.Display(FullName, PreferredName);
}

public sealed record CaseloadPage(
    IReadOnlyList<CaseloadRow> Rows, int Total, CaseloadFilter Filter, StageDistribution Stages, DateOnly Today, TimeZoneInfo Zone)
{
    public int Pages => Math.Max(1, (Total + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize);
    public int FirstRow => Total == 0 ? 0 : (Filter.Page - 1) * CaseloadFilter.PageSize + 1;
    public int LastRow => Math.Min(Total, Filter.Page * CaseloadFilter.PageSize);
}

/// <summary>
/// The caseload, filtered, sorted and paged in the database over the per-client summaries
/// (<see cref="ClientSummary"/>): the client set is narrowed once, and history tables are read only for
/// the rows of the page (next session, overdue reviews). Four statements whatever the caseload's size:
/// clinic settings, the stage counts, the page's total, the page.
/// </summary>
public sealed class CaseloadQuery(ClinicDbContext db, ClinicCalendar calendar)
{
    public async Task<CaseloadPage> RunAsync(Guid clinicianId, CaseloadFilter filter, CancellationToken ct)
    {
        var settings = await calendar.SettingsAsync(ct);
        var (zone, today, now) = (await calendar.ZoneAsync(ct), await calendar.TodayAsync(ct), calendar.UtcNow);
        var rules = settings.CheckInRules;

        var mine = db.Clients.Where(c => c.PrimaryClinicianId == clinicianId)
            .Join(db.Set<ClientSummary>(), c => c.Id, s => s.ClientId, (c, s) => new { c, s });

        var stages = await StagesAsync(mine.Where(x => x.c.Status != ClientStatus.Discharged).Select(x => x.s), filter.Stage, ct);

        if (filter.Stage is { } stage) mine = mine.Where(x => x.s.StageId == stage);
        if (filter.Signal is { } signal)
        {
            var summaries = db.Set<ClientSummary>().Where(CaseloadSignals.Where(signal, rules, now, today));
            mine = mine.Where(x => summaries.Any(s => s.ClientId == x.c.Id));
        }
        if (filter.SearchTerm is { } term)
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            mine = mine.Where(x => EF.Functions.ILike(x.c.FullName, pattern) || EF.Functions.ILike(x.c.PreferredName ?? "", pattern));
        }

        var total = await mine.CountAsync(ct);
        var page = Math.Min(filter.Page, Math.Max(1, (total + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize));
        filter.Page = page;

        var withStage =
            from x in mine
            from st in db.Set<Stage>().Where(st => st.Id == x.s.StageId).DefaultIfEmpty()
            from m in db.Set<StageModel>().Where(m => m.Id == x.s.StageModelId).DefaultIfEmpty()
            select new SortRow { Client = x.c, Summary = x.s, StageName = st.Name, StagePosition = (int?)st.Position, ModelName = m.Name };
        var rows = await Sorted(withStage, filter)
            .Skip((page - 1) * CaseloadFilter.PageSize).Take(CaseloadFilter.PageSize)
            // Read for the page's rows only: the planner evaluates these after the sort and the limit.
            .Select(x => new CaseloadRow(
                x.Client.Id, x.Client.FullName, x.Client.PreferredName, x.Client.Status, x.Summary,
                x.ModelName, x.StageName, x.StagePosition,
                db.Set<Boundary>().Count(b => b.ClientId == x.Client.Id && b.ReviewDate < today),
                db.Set<TherapySession>().Where(s => s.ClientId == x.Client.Id && s.Status == SessionStatus.Scheduled && s.StartsAt > now)
                    .Min(s => (DateTimeOffset?)s.StartsAt))
            {
                ContactSafety = db.Set<ContactSafetyProfile>().Where(p => p.ClientId == x.Client.Id).Select(ContactSafetyLevels.OfProfile)
                    .Cast<ContactSafetyLevel?>().FirstOrDefault() ?? ContactSafetyLevel.NotRecorded,
            })
            .AsNoTracking()
            .ToListAsync(ct);

        return new CaseloadPage(
            rows.Select(r => r with
            {
                CheckInSignals = Core.CheckIns.CheckInSignals.Evaluate(r.Summary.CheckInFacts, rules, now),
                LastCheckInDay = r.Summary.LastCheckInAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null,
            }).ToList(),
            total, filter, stages, today, zone);
    }

    private sealed class SortRow
    {
        public required Client Client { get; init; }
        public required ClientSummary Summary { get; init; }
        public string? StageName { get; init; }
        public int? StagePosition { get; init; }
        public string? ModelName { get; init; }
    }

    /// <summary>Unacknowledged imminent alerts stay on top and discharged clients at the bottom, whatever the chosen sort.</summary>
    private static IQueryable<SortRow> Sorted(IQueryable<SortRow> rows, CaseloadFilter filter)
    {
        var ordered = rows.OrderByDescending(x => x.Summary.ImminentAlerts > 0).ThenBy(x => x.Client.Status == ClientStatus.Discharged);
        var d = filter.Descending;
        ordered = filter.Sort switch
        {
            CaseloadSort.Stage => d ? ordered.ThenByDescending(x => x.ModelName).ThenByDescending(x => x.StagePosition) : ordered.ThenBy(x => x.ModelName).ThenBy(x => x.StagePosition),
            // Longest silence first: the clients who may be slipping.
            CaseloadSort.LastCheckIn => d ? ordered.ThenByDescending(x => x.Summary.LastCheckInAt) : ordered.ThenBy(x => x.Summary.LastCheckInAt),
            CaseloadSort.Concerns => d ? ordered.ThenBy(x => x.Summary.OpenConcerns).ThenBy(x => x.Summary.TopOpenSeverity) : ordered.ThenByDescending(x => x.Summary.TopOpenSeverity).ThenByDescending(x => x.Summary.OpenConcerns),
            CaseloadSort.LastNote => d ? ordered.ThenByDescending(x => x.Summary.LastNoteDate) : ordered.ThenBy(x => x.Summary.LastNoteDate),
            _ => ordered,
        };
        return (d && filter.Sort == CaseloadSort.Name ? ordered.ThenByDescending(x => x.Client.FullName) : ordered.ThenBy(x => x.Client.FullName))
            .ThenBy(x => x.Client.Id);
    }

    private async Task<StageDistribution> StagesAsync(IQueryable<ClientSummary> inCare, Guid? filter, CancellationToken ct)
    {
        var counts = await (
            from s in inCare
            from st in db.Set<Stage>().Where(st => st.Id == s.StageId).DefaultIfEmpty()
            from m in db.Set<StageModel>().Where(m => m.Id == st.ModelId).DefaultIfEmpty()
            group s by new { StageId = (Guid?)st.Id, st.Name, Position = (int?)st.Position, Model = m.Name } into g
            select new { g.Key.StageId, g.Key.Name, g.Key.Position, g.Key.Model, Clients = g.Count() }).ToListAsync(ct);
        var stages = counts.Where(c => c.StageId != null)
            .Select(c => new StageCount(c.Model, c.StageId!.Value, c.Name, c.Position ?? 0, c.Clients))
            .OrderBy(s => s.ModelName).ThenBy(s => s.Position).ToList();
        return new StageDistribution(stages, counts.Where(c => c.StageId == null).Sum(c => c.Clients), filter);
    }
}
