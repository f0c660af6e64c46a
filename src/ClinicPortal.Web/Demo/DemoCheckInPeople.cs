using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Quinn has two boundaries (the former manager and the old team chat): her last three check-ins name the person
/// and carry feelings, so the per-person answers and the counts show. Only answers are added: no check-in, alert
/// or flag changes (the rows agree with what the check-ins already say).
/// </summary>
public static class DemoCheckInPeople
{
    private const int Recent = 3;

    public static void AddFor(ClinicDbContext db, Client client)
    {
        if (client.FullName != "Quinn Demonstration") return;
        var boundaries = Added<Boundary>(db).Where(b => b.ClientId == client.Id).OrderBy(b => b.CreatedAt).ToList();
        if (boundaries.Count < 2) return;
        var (manager, chat) = (boundaries[0].Id, boundaries[1].Id);
        var plan = boundaries.Select(b => b.Id).ToList();
        var journals = Added<PrivateJournalEntry>(db).Where(j => j.ClientId == client.Id && j.CheckInId != null).ToDictionary(j => j.CheckInId!.Value);
        var latest = Added<CheckIn>(db).Where(c => c.ClientId == client.Id).OrderByDescending(c => c.CreatedAt).Take(Recent).Reverse().ToList();

        EmotionTag[][] feelings = [[EmotionTag.Loneliness, EmotionTag.Grief], [EmotionTag.Guilt, EmotionTag.Anger], [EmotionTag.Relief, EmotionTag.Hope]];
        foreach (var (c, i) in latest.Select((c, i) => (c, i)))
        {
            PersonAnswers[] people =
            [
                new(manager, Math.Max(0, c.Urge - 3), false, false, i == 0),
                new(chat, c.Urge, false, c.BrokeContact, i < 2),
            ];
            var journal = journals.GetValueOrDefault(c.Id);
            var answers = new CheckInAnswers(c.Mood, c.Urge, (int?)c.Sleep, c.ContactAttempted, c.Channel?.ToString(), c.ContactNote, c.BrokeContact,
                c.SelfCare, c.SharedJournal ?? journal?.Text, c.SharedJournal is not null, [.. feelings[i].Select(e => e.ToString())], false, people);
            var edited = c.Edit(answers, c.SelfCare, journal, c.CreatedAt, plan);
            db.AddRange(edited.People);
        }
    }

    private static IEnumerable<T> Added<T>(ClinicDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
}
