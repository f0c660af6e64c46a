using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// A realistic stage path for each demo client, each with at least one regression, dated between
/// intake and today. Two clients are switched to the grief model by their clinician.
/// </summary>
public static class DemoProgress
{
    private sealed record Step(string Stage, double AtFraction, string Evidence);

    // Keyed by the demo client's first name; each path is spread over the client's time in care.
    private static readonly Dictionary<string, (bool Grief, Step[] Steps)> Paths = new()
    {
        ["Jordan"] = (true,
        [
            new("Desperation", 0.00, "Checking the ex-partner's location several times a day; cannot sleep."),
            new("Denial", 0.15, "Says the last incident 'was not that bad' and the lease was the only problem."),
            new("Bargaining", 0.35, "Considering meeting 'just once' to return belongings in person."),
            new("Relapse", 0.50, "Answered a late-night call and agreed to meet; felt worse afterwards."),
            new("Anger", 0.65, "Names the pattern clearly; angry at the repeated pressure to meet."),
            new("Initial Acceptance", 0.85, "Reports more calm days than hard ones; blocked the last channel."),
        ]),
        ["Casey"] = (false,
        [
            new("Considering", 0.00, "Weighing low contact; worried about the family's reaction."),
            new("Preparing", 0.30, "Drafted a short message setting visiting limits; chose two allies."),
            new("Considering", 0.55, "After an aunt's call, unsure again whether stepping back is fair."),
            new("Preparing", 0.80, "Back to planning; rehearsed a script for holiday invitations."),
        ]),
        ["Avery"] = (false,
        [
            new("Preparing", 0.00, "Setting up the parenting app; all other channels to be closed."),
            new("Early no contact", 0.15, "Only app messages now; relief, then guilt on handover days."),
            new("Fallout", 0.35, "Ex-spouse's relatives criticising him to mutual friends."),
            new("Healing", 0.60, "Handover anxiety much lower; sleeping through the night again."),
            new("Fallout", 0.75, "A new round of messages through the children's school unsettled him."),
            new("Healing", 0.90, "Back on track; uses the app's templates and no longer rereads messages."),
        ]),
        ["Quinn"] = (false,
        [
            new("Preparing", 0.00, "Muted former colleagues; plans to decline catch-up invitations."),
            new("Early no contact", 0.25, "No contact with the former manager; relief mixed with self-doubt."),
            new("Fallout", 0.55, "Hears of rumours about why she left; lost two work friendships."),
            new("Early no contact", 0.80, "Guilt and intrusive memories back after a colleague's message."),
        ]),
        ["Rowan"] = (true,
        [
            new("Denial", 0.00, "Describes the loans as 'helping family' and expects repayment soon."),
            new("Bargaining", 0.20, "Would resume contact if the brother signs a repayment plan."),
            new("Anger", 0.40, "Recognises the exploitation; angry at years of pressure."),
            new("Bargaining", 0.55, "After a birthday message, drafting terms for a meeting again."),
            new("Anger", 0.70, "Decided against meeting; anger is steadier and less frightening."),
            new("Initial Acceptance", 0.90, "Accepts the relationship may not change; keeps the door open on his terms."),
        ]),
        ["Sky"] = (false,
        [
            new("Considering", 0.00, "Unsure whether to leave the group chat; fears being the topic."),
            new("Preparing", 0.25, "Left the group chat; plans to mute the friends' accounts."),
            new("Early no contact", 0.50, "Muted everyone; relief, but checks their stories at night."),
            new("Preparing", 0.75, "Unmuted two accounts after a party; planning again what to block."),
        ]),
    };

    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        var firstName = client.FullName.Split(' ')[0];
        if (!Paths.TryGetValue(firstName, out var path)) return;
        var model = path.Grief ? BuiltInStageModels.Grief : BuiltInStageModels.Journey;
        if (path.Grief)
            db.Add(ClientStageModel.Switch(client, BuiltInStageModels.DefaultModelId, model, client.PrimaryClinicianId, now.AddDays(-(today.DayNumber - client.IntakeDate.DayNumber))));

        var span = today.DayNumber - client.IntakeDate.DayNumber;
        foreach (var (step, index) in path.Steps.Select((s, i) => (s, i)))
        {
            var date = client.IntakeDate.AddDays((int)Math.Round(step.AtFraction * span));
            if (date > today) date = today;
            var stage = model.OrderedStages.Single(s => s.Name == step.Stage);
            db.Add(StageAssessment.Record(client, model, stage.Id, date, step.Evidence, null, null, client.PrimaryClinicianId,
                today, now.AddMinutes(index)));
        }
    }
}
