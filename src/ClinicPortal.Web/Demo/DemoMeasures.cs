using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Months of questionnaires for three demo clients: Jordan's PHQ-9 improving (shared with them, every two weeks), Casey's
/// GAD-7 reliably worse, Quinn's PCL-5 near the cut-off. No answer flags item 9, and no schedule falls due in a test's
/// first minutes (Jordan's next PHQ-9 is eleven days away), so the demo clinic stays settled. Casey has a GAD-7 waiting.
/// </summary>
public static class DemoMeasures
{
    private sealed record Series(string Code, int EveryDays, int[] Totals);

    private static readonly Dictionary<string, Series[]> ByClient = new()
    {
        ["Jordan"] = [new(Instruments.Phq9Code, 14, [17, 16, 14, 13, 11, 10, 8, 7, 6]), new(Instruments.Gad7Code, 28, [14, 12, 10, 9])],
        ["Casey"] = [new(Instruments.Gad7Code, 14, [6, 7, 8, 10, 11, 12]), new(Instruments.Phq9Code, 28, [7, 9, 11])],
        ["Quinn"] = [new(Instruments.Pcl5Code, 28, [38, 34])],
    };

    public static void AddFor(ClinicDbContext db, Client client, DateTimeOffset now)
    {
        if (!ByClient.TryGetValue(client.FullName.Split(' ')[0], out var series)) return;
        foreach (var (s, index) in series.Select((s, i) => (s, i)))
        {
            var instrument = Instruments.Find(s.Code)!;
            // The last one due three days ago, the earlier ones every EveryDays before it; each answered the next morning.
            var firstDue = now.AddDays(-3 - (s.Totals.Length - 1) * s.EveryDays).AddHours(-20);
            // Jordan's first series is on a schedule, so the job finds it answered up to date (next due in eleven days).
            var schedule = client.FullName.StartsWith("Jordan", StringComparison.Ordinal) && index == 0
                ? MeasureSchedule.Create(client, s.Code, ScheduleKind.EveryWeeks, s.EveryDays / 7, shareTrend: true, client.PrimaryClinicianId, firstDue)
                : null;
            if (schedule is not null) db.Add(schedule);
            for (var i = 0; i < s.Totals.Length; i++)
            {
                var due = firstDue.AddDays(i * s.EveryDays);
                var response = MeasureResponse.Assign(client.Id, instrument, due, due, schedule is null ? client.PrimaryClinicianId : null, schedule?.Id);
                response.Submit(Spread(instrument, s.Totals[i]), due.AddHours(18));
                db.Add(response);
            }
        }
        if (client.FullName.StartsWith("Casey", StringComparison.Ordinal))
            db.Add(MeasureResponse.Assign(client.Id, Instruments.Gad7, now.AddDays(-1), now.AddDays(-1), client.PrimaryClinicianId));
    }

    /// <summary>Item answers adding up to <paramref name="total"/>, spread over the items and never on the safety item.</summary>
    private static int?[] Spread(Instrument instrument, int total)
    {
        var answers = new int?[instrument.Items.Count];
        var items = Enumerable.Range(0, answers.Length).Where(i => i + 1 != instrument.SafetyItem).ToList();
        foreach (var i in items) answers[i] = 0;
        for (var left = total; left > 0; left--)
        {
            var item = items.Where(i => answers[i] < instrument.MaxValue).OrderBy(i => answers[i]).ThenBy(i => i).First();
            answers[item]++;
        }
        if (instrument.SafetyItem is { } safety) answers[safety - 1] = 0;
        return answers;
    }
}
