namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>Who the boundary is with, in relation to the client.</summary>
public enum RelationshipType
{
    PartnerOrEx = 0,
    Parent = 1,
    Sibling = 2,
    OtherFamily = 3,
    Friend = 4,
    CoWorkerOrBoss = 5,
    Group = 6,
}

/// <summary>How much contact the client keeps with the person or group. Any level can follow any other.</summary>
public enum ContactLevel
{
    NoContact = 0,
    LowContact = 1,
    /// <summary>Contact limited to a purpose and a channel, e.g. co-parenting logistics through one app.</summary>
    StructuredContact = 2,
    Reconnecting = 3,
    ContactResumed = 4,
}

/// <summary>A way the other person can reach (or be watched by) the client, which the plan closes.</summary>
public enum BoundaryChannel
{
    PhoneBlocked = 0,
    EmailBlocked = 1,
    SocialMediaBlocked = 2,
    StopLookingUp = 3,
    RoutinesChanged = 4,
    MutualContactsTold = 5,
}

public enum ChannelStatus
{
    Planned = 0,
    Done = 1,
    NotApplicable = 2,
}

/// <summary>How (or whether) the person is told about the boundary. Not telling is acceptable where contact is unsafe.</summary>
public enum HowTold
{
    Letter = 0,
    Email = 1,
    InPerson = 2,
    NotTold = 3,
}

/// <summary>The preparation checklist: what should be in place before contact is cut.</summary>
public enum PreparationItem
{
    TherapistInPlace = 0,
    SupportPeopleTold = 1,
    BasicNeedsCovered = 2,
    SelfCarePlanned = 3,
    BlockingDone = 4,
}

/// <summary>One line of the client's reasons or conditions, in the client's words.</summary>
public sealed record PlanItem(string Text, bool SharedWithClient);

/// <summary>The status of one channel in the plan.</summary>
public sealed record ChannelEntry(BoundaryChannel Channel, ChannelStatus Status);

/// <summary>Words for the page (and for revision summaries) for every boundary term.</summary>
public static partial class BoundaryLabels
{
    public static string Of(RelationshipType value) => value switch
    {
        RelationshipType.PartnerOrEx => "Partner / ex-partner",
        RelationshipType.Parent => "Parent",
        RelationshipType.Sibling => "Sibling",
        RelationshipType.OtherFamily => "Other family",
        RelationshipType.Friend => "Friend",
        RelationshipType.CoWorkerOrBoss => "Co-worker / boss",
        RelationshipType.Group => "Group",
        _ => value.ToString(),
    };

    public static string Of(ContactLevel value) => value switch
    {
        ContactLevel.NoContact => "No contact",
        ContactLevel.LowContact => "Low contact",
        ContactLevel.StructuredContact => "Structured contact",
        ContactLevel.Reconnecting => "Reconnecting",
        ContactLevel.ContactResumed => "Contact resumed",
        _ => value.ToString(),
    };

    public static string Of(BoundaryChannel value) => value switch
    {
        BoundaryChannel.PhoneBlocked => "Phone number blocked",
        BoundaryChannel.EmailBlocked => "Email blocked",
        BoundaryChannel.SocialMediaBlocked => "Social media blocked, privacy tightened",
        BoundaryChannel.StopLookingUp => "Stopped looking them up",
        BoundaryChannel.RoutinesChanged => "Routines changed / places avoided",
        BoundaryChannel.MutualContactsTold => "Mutual contacts told not to pass news",
        _ => value.ToString(),
    };

    public static string Of(ChannelStatus value) => value switch
    {
        ChannelStatus.Planned => "Planned",
        ChannelStatus.Done => "Done",
        ChannelStatus.NotApplicable => "Not applicable",
        _ => value.ToString(),
    };

    public static string Of(HowTold value) => value switch
    {
        HowTold.Letter => "Letter",
        HowTold.Email => "Email",
        HowTold.InPerson => "In person",
        HowTold.NotTold => "Not told",
        _ => value.ToString(),
    };

    public static string Of(PreparationItem value) => value switch
    {
        PreparationItem.TherapistInPlace => "Therapist in place",
        PreparationItem.SupportPeopleTold => "Support people told",
        PreparationItem.BasicNeedsCovered => "Basic needs covered",
        PreparationItem.SelfCarePlanned => "Self-care planned",
        PreparationItem.BlockingDone => "Blocking done",
        _ => value.ToString(),
    };
}
