using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>Two signed notes (one with an addendum) and one draft for each demo client.</summary>
public static class DemoNotes
{
    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        var author = client.PrimaryClinicianId;
        var name = client.PreferredName ?? client.FullName.Split(' ')[0];

        var intake = CaseNote.CreateDraft(client.Id, author, NoteFormat.Soap, client.IntakeDate, new Dictionary<NoteField, string?>
        {
            [NoteField.Subjective] = $"{name} describes feeling exhausted by repeated contact and says the decision to step back has been building for months.",
            [NoteField.Objective] = "Alert and engaged; tearful when describing the last conversation; speech organised.",
            [NoteField.Assessment] = "Distress consistent with a long pattern of boundary violations. No current intent to harm self.",
            [NoteField.Plan] = "Map channels of contact; identify two supportive people; review crisis numbers; meet weekly.",
        }, today, now);
        intake.Sign(author, now);
        intake.AddAddendum(author, "Correction: the client asked that their sister not be contacted about appointments.", now);
        db.CaseNotes.Add(intake);

        var followUp = CaseNote.CreateDraft(client.Id, author, NoteFormat.Dap, Max(client.IntakeDate, today.AddDays(-14)), new Dictionary<NoteField, string?>
        {
            [NoteField.Data] = $"{name} blocked the main phone number and muted two social media accounts. Reports one urge to check a profile late at night.",
            [NoteField.Assessment] = "Early no-contact phase: relief alternating with guilt. Urges are strongest at night.",
            [NoteField.Plan] = "Night-time plan: phone out of the bedroom, text a support person instead of checking. Review next session.",
        }, today, now);
        followUp.Sign(author, now);
        db.CaseNotes.Add(followUp);

        db.CaseNotes.Add(CaseNote.CreateDraft(client.Id, author, NoteFormat.Birp, Max(client.IntakeDate, today.AddDays(-2)), new Dictionary<NoteField, string?>
        {
            [NoteField.Behavior] = "Arrived on time; reported a message relayed through a mutual friend.",
            [NoteField.Intervention] = "Rehearsed a short script for declining to pass messages on.",
        }, today, now));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
