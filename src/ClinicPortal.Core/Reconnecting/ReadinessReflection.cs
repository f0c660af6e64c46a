using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Reconnecting;

/// <summary>The questions a client asks themselves before reconsidering contact.</summary>
public enum ReadinessQuestion
{
    Resentment = 0,
    Expectations = 1,
    WillAccept = 2,
    WontAccept = 3,
    WhyNow = 4,
    IfItGoesBadly = 5,
}

/// <summary>
/// The client's answers, on one day, about whether they are ready to reconsider contact with the person of one boundary.
/// Each reflection is a new dated record; the clinician reads it on the boundary's page and marks it reviewed with the client.
/// </summary>
public sealed class ReadinessReflection : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public IReadOnlyList<ReflectionAnswer<ReadinessQuestion>> Answers { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedById { get; private set; }

    private ReadinessReflection() { }

    /// <summary>A reflection about a boundary whose door is open (the only ones reconnecting could follow).</summary>
    public static ReadinessReflection Create(Boundary? boundary, Guid clientId, IEnumerable<ReflectionAnswer<ReadinessQuestion>> answers, DateTimeOffset now)
    {
        if (boundary is null || boundary.ClientId != clientId || !boundary.DoorOpen)
            throw new DomainRuleException("Choose who this reflection is about.");
        return new ReadinessReflection
        {
            Id = Guid.NewGuid(), ClientId = clientId, BoundaryId = boundary.Id, Answers = ReflectionAnswers.Check(answers), CreatedAt = now,
        };
    }

    public void MarkReviewed(Guid clinicianId, DateTimeOffset now)
    {
        if (ReviewedAt is not null) throw new DomainRuleException("This reflection is already marked as reviewed with the client.");
        (ReviewedAt, ReviewedById) = (now, clinicianId);
    }

    public static string Wording(ReadinessQuestion question) => question switch
    {
        ReadinessQuestion.Resentment => "Have I worked through my resentment, enough that it won't take over?",
        ReadinessQuestion.Expectations => "Am I going in without expectations of how they will respond?",
        ReadinessQuestion.WillAccept => "What will I accept?",
        ReadinessQuestion.WontAccept => "What won't I accept, and what would I do then?",
        ReadinessQuestion.WhyNow => "Why now? What has changed, in them and in me?",
        ReadinessQuestion.IfItGoesBadly => "If it goes badly, how will I look after myself, and who will I call?",
        _ => question.ToString(),
    };
}
