namespace ClinicPortal.Core.Progress;

/// <summary>
/// The two stage models every clinic starts with. Their rows are seeded by
/// db/migrations/0005_stage_models_and_assessments.sql with these fixed ids; a test keeps the two in step.
/// </summary>
public static class BuiltInStageModels
{
    public static readonly Guid JourneyId = new("6a0c1e00-0000-4000-a000-000000000001");
    public static readonly Guid GriefId = new("6a0c1e00-0000-4000-a000-000000000002");

    /// <summary>Clients follow the journey model until their clinician switches them.</summary>
    public static Guid DefaultModelId => JourneyId;

    public static readonly StageModel Journey = StageModel.BuiltIn(JourneyId, "No-contact journey",
    [
        (StageId(1, 1), "Considering", "Weighing whether to step back from contact; ambivalent and still gathering facts.", false),
        (StageId(1, 2), "Preparing", "Has decided; planning which channels to close, who to lean on and what to say.", false),
        (StageId(1, 3), "Early no contact", "Contact has stopped: relief at first, then guilt and a flood of memories.", false),
        (StageId(1, 4), "Fallout", "Pressure to return, a smear campaign, mutual relationships lost, grief.", false),
        (StageId(1, 5), "Healing", "Months in: anxiety easing, self-esteem and everyday routines coming back.", false),
        (StageId(1, 6), "Thriving", "News of the other person leaves the client indifferent rather than shaken.", false),
        (StageId(1, 7), "Reconnecting", "Optional: deliberately rebuilding some contact, on new and safer terms.", false),
    ]);

    public static readonly StageModel Grief = StageModel.BuiltIn(GriefId, "No-contact grief stages",
    [
        (StageId(2, 1), "Desperation", "An urgent need to undo the loss or restore contact; distress fills the day.", false),
        (StageId(2, 2), "Denial", "Plays down what happened or expects things to go back to how they were.", false),
        (StageId(2, 3), "Bargaining", "Looks for conditions or compromises that would make contact feel safe again.", false),
        (StageId(2, 4), "Relapse", "Broke no contact or came close to it: a setback to learn from, not a failure.", true),
        (StageId(2, 5), "Anger", "Sees the harm clearly and feels angry about it, at the other person or at themself.", false),
        (StageId(2, 6), "Initial Acceptance", "Accepts the relationship as it was is over; calm days outnumber hard ones.", false),
        (StageId(2, 7), "Redirected Hope", "Energy goes into their own future, relationships and plans.", false),
    ]);

    public static IReadOnlyList<StageModel> All { get; } = [Journey, Grief];

    /// <summary>Stage ids follow a pattern: model number, then position.</summary>
    private static Guid StageId(int model, int position) => new($"6a0c1e00-000{model}-4000-a000-0000000000{position:00}");
}
