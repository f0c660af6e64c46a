using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Reconnecting;

/// <summary>How the trial contact happens.</summary>
public enum TrialChannel
{
    PhoneCall = 0,
    VideoCall = 1,
    Messages = 2,
    Email = 3,
    Letter = 4,
    InPerson = 5,
}

/// <summary>What a clinician enters for a trial-contact plan, before <see cref="TrialContactPlan"/> checks it.</summary>
public sealed record TrialPlanDetails(
    TrialChannel? Channel,
    string? Frequency,
    string? FirstMeetingPlace,
    int? FirstMeetingMinutes,
    IReadOnlyList<string?> ExitCriteria);

/// <summary>
/// The plan written before a boundary moves to "Reconnecting": how and how often contact is tried, the first meeting,
/// a support person on standby, and the exit criteria agreed in advance. One plan is in force per boundary at a time;
/// a return to no contact ends it with the criterion that was met (<see cref="Boundary.ReturnToNoContact"/>).
/// The client may read it (it is written with them), and the debrief offer is found through it.
/// </summary>
public sealed class TrialContactPlan : IClientVisibleRecord
{
    public const int FrequencyMax = 120, PlaceMax = 200, CriterionMax = 500, CriteriaMax = 10, OtherReasonMax = 1000;
    public const int MinMinutes = 5, MaxMinutes = 480;

    public const string NeedsExitCriteria =
        "Write at least one exit criterion in advance: what would end the trial and mean a return to no contact.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public TrialChannel Channel { get; private set; }
    public string Frequency { get; private set; } = "";
    public string FirstMeetingPlace { get; private set; } = "";
    public int FirstMeetingMinutes { get; private set; }
    public Guid StandbyPersonId { get; private set; }
    public IReadOnlyList<string> ExitCriteria { get; private set; } = [];
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the trial ended with a return to no contact; null while the plan is in force.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The exit criterion that was met (its words as written in advance), or null for another reason.</summary>
    public string? MetCriterion { get; private set; }
    public string? OtherReason { get; private set; }

    private TrialContactPlan() { }

    public bool InForce => EndedAt is null;

    public static TrialContactPlan Create(Boundary boundary, TrialPlanDetails details, SupportPerson? standby, Guid authorId, DateTimeOffset now)
    {
        var plan = new TrialContactPlan { Id = Guid.NewGuid(), ClientId = boundary.ClientId, BoundaryId = boundary.Id, AuthorId = authorId, CreatedAt = now };
        plan.Apply(details, standby, now);
        return plan;
    }

    public void Update(TrialPlanDetails details, SupportPerson? standby, DateTimeOffset now)
    {
        if (!InForce) throw new DomainRuleException("This trial-contact plan has ended and is kept as it was; write a new plan for another trial.");
        Apply(details, standby, now);
    }

    private void Apply(TrialPlanDetails d, SupportPerson? standby, DateTimeOffset now)
    {
        if (d.Channel is not { } channel || !Enum.IsDefined(channel)) throw new DomainRuleException("Choose the channel for the trial contact.");
        var frequency = Guard.Required(d.Frequency, "How often", FrequencyMax);
        var place = Guard.Required(d.FirstMeetingPlace, "The first meeting's place", PlaceMax);
        if (d.FirstMeetingMinutes is not { } minutes || minutes < MinMinutes || minutes > MaxMinutes)
            throw new DomainRuleException($"Give the first meeting's length in minutes, from {MinMinutes} to {MaxMinutes}.");
        var person = CheckStandby(standby);
        var criteria = CheckCriteria(d.ExitCriteria);
        (Channel, Frequency, FirstMeetingPlace, FirstMeetingMinutes, StandbyPersonId, ExitCriteria, UpdatedAt) =
            (channel, frequency, place, minutes, person.Id, criteria, now);
    }

    private SupportPerson CheckStandby(SupportPerson? standby)
    {
        if (standby is null || standby.ClientId != ClientId)
            throw new DomainRuleException("Choose a support person on standby from the client's support network.");
        if (standby.Role == SupportRole.Risk)
            throw new DomainRuleException(
                $"{standby.Name} has the risk role and cannot be the support person on standby: they may pass news to the other person. Choose someone supportive.");
        return standby;
    }

    private static List<string> CheckCriteria(IReadOnlyList<string?>? criteria)
    {
        var kept = new List<string>();
        foreach (var c in criteria ?? [])
        {
            if (Guard.Optional(c, "Each exit criterion", CriterionMax) is not { } text) continue;
            if (kept.Any(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)))
                throw new DomainRuleException($"The same exit criterion is listed twice: \"{Boundary.Shorten(text)}\".");
            kept.Add(text);
        }
        if (kept.Count == 0) throw new DomainRuleException(NeedsExitCriteria);
        if (kept.Count > CriteriaMax) throw new DomainRuleException($"A trial plan holds at most {CriteriaMax} exit criteria; this one has {kept.Count}.");
        return kept;
    }

    /// <summary>Ends the plan with the exit recorded; returns the words the boundary's revision keeps. Called by the boundary.</summary>
    internal string End(TrialExit exit, DateTimeOffset now)
    {
        if (!InForce) throw new DomainRuleException("This trial-contact plan has already ended.");
        string note;
        if (exit.CriterionNumber is { } number)
        {
            if (number < 1 || number > ExitCriteria.Count || exit.OtherReason is { Length: > 0 })
                throw new DomainRuleException(TrialExit.ChooseOne);
            MetCriterion = ExitCriteria[number - 1];
            note = $"Trial ended, exit criterion met: \"{MetCriterion}\"";
        }
        else
        {
            OtherReason = Guard.Optional(exit.OtherReason, "The other reason", OtherReasonMax)
                ?? throw new DomainRuleException(TrialExit.ChooseOne);
            note = $"Trial ended for another reason: \"{OtherReason}\"";
        }
        EndedAt = UpdatedAt = now;
        return note;
    }
}

/// <summary>Why a trial ended: the number (from 1) of the exit criterion met, or another reason in words.</summary>
public sealed record TrialExit(int? CriterionNumber, string? OtherReason)
{
    public const string ChooseOne = "Choose the exit criterion that was met, or 'another reason' with a few words about it.";
}

public static class TrialLabels
{
    public static string Of(TrialChannel value) => value switch
    {
        TrialChannel.PhoneCall => "Phone call",
        TrialChannel.VideoCall => "Video call",
        TrialChannel.Messages => "Text messages",
        TrialChannel.Email => "Email",
        TrialChannel.Letter => "Letter",
        TrialChannel.InPerson => "In person",
        _ => value.ToString(),
    };
}
