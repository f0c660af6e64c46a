using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// Feelings a client may tick in a check-in, the ones the first months of no contact bring. Stored as numbers:
/// add new tags at the end, never renumber.
/// </summary>
public enum EmotionTag
{
    Relief = 0,
    Guilt = 1,
    Grief = 2,
    Anger = 3,
    Loneliness = 4,
    Fear = 5,
    Hope = 6,
}

public static class EmotionTags
{
    public const string UnknownMessage = "Choose feelings from the list (relief, guilt, grief, anger, loneliness, fear or hope). Reload the page and try again.";

    public static readonly IReadOnlyList<EmotionTag> All = Enum.GetValues<EmotionTag>();

    public static string Of(EmotionTag tag) => tag switch
    {
        EmotionTag.Relief => "Relief",
        EmotionTag.Guilt => "Guilt",
        EmotionTag.Grief => "Grief",
        EmotionTag.Anger => "Anger",
        EmotionTag.Loneliness => "Loneliness",
        EmotionTag.Fear => "Fear",
        EmotionTag.Hope => "Hope",
        _ => tag.ToString(),
    };

    /// <summary>The tags posted by name ("Grief"), each once, in the list's order; a number or an unknown name is refused.</summary>
    public static EmotionTag[] Parse(IEnumerable<string?>? posted)
    {
        var tags = new HashSet<EmotionTag>();
        foreach (var raw in posted ?? [])
        {
            if (ListedName.Parse<EmotionTag>(raw, UnknownMessage) is { } tag) tags.Add(tag);
        }
        return [.. tags.Order()];
    }
}
