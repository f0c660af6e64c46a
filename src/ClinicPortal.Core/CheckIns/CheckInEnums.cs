namespace ClinicPortal.Core.CheckIns;

/// <summary>How the other person tried to reach the client.</summary>
public enum ContactChannel
{
    Call = 0,
    Text = 1,
    Email = 2,
    SocialMedia = 3,
    InPerson = 4,
    ThroughSomeoneElse = 5,
}

/// <summary>A simple five-step sleep scale, asked as "How did you sleep?".</summary>
public enum SleepQuality
{
    VeryBadly = 1,
    Badly = 2,
    Okay = 3,
    Well = 4,
    VeryWell = 5,
}

/// <summary>The words shown for check-in values, so the client's and the clinician's pages say the same thing.</summary>
public static class CheckInLabels
{
    public static readonly IReadOnlyList<ContactChannel> Channels = Enum.GetValues<ContactChannel>();

    public static readonly IReadOnlyList<SleepQuality> SleepScale = Enum.GetValues<SleepQuality>();

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Call => "Call",
        ContactChannel.Text => "Text message",
        ContactChannel.Email => "Email",
        ContactChannel.SocialMedia => "Social media",
        ContactChannel.InPerson => "In person",
        ContactChannel.ThroughSomeoneElse => "Through someone else",
        _ => channel.ToString(),
    };

    public static string Of(SleepQuality sleep) => sleep switch
    {
        SleepQuality.VeryBadly => "Very badly",
        SleepQuality.Badly => "Badly",
        SleepQuality.Okay => "Okay",
        SleepQuality.Well => "Well",
        SleepQuality.VeryWell => "Very well",
        _ => sleep.ToString(),
    };
}
