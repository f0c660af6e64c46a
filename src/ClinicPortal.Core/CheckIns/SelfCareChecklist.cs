using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// The self-care items a client can tick in a check-in. Every client starts with <see cref="DefaultItems"/>;
/// their clinician can tailor the list. The client reads it to fill in the form.
/// </summary>
public sealed class SelfCareChecklist : IClientVisibleRecord
{
    public const int ItemMax = 80, MaxItems = 12;

    public static readonly IReadOnlyList<string> DefaultItems =
    [
        "Ate a proper meal",
        "Got outside or moved my body",
        "Talked with someone supportive",
        "Rested or slept enough",
        "Did something I enjoy",
        "Kept my phone and social media boundaries",
    ];

    public Guid ClientId { get; private set; }
    public string[] Items { get; private set; } = [];
    public Guid UpdatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private SelfCareChecklist() { }

    public static SelfCareChecklist For(Guid clientId) => new() { ClientId = clientId, Items = [.. DefaultItems] };

    /// <summary>The items a client is offered: their tailored list, or the defaults.</summary>
    public static IReadOnlyList<string> ItemsOf(SelfCareChecklist? list) => list?.Items ?? DefaultItems;

    /// <summary>Replaces the list: blank lines are dropped; 1 to 12 items, each once, each at most 80 characters.</summary>
    public void Replace(IEnumerable<string?> items, Guid clinicianId, DateTimeOffset now)
    {
        var list = items.Select(i => i?.Trim()).Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList();
        if (list.Count == 0) throw new DomainRuleException("Keep at least one self-care item.");
        if (list.Count > MaxItems) throw new DomainRuleException($"Keep the list to {MaxItems} items or fewer, so it stays quick to fill in.");
        if (list.FirstOrDefault(i => i.Length > ItemMax) is { } tooLong)
            throw new DomainRuleException($"Each item must be at most {ItemMax} characters (\u201c{tooLong[..20]}\u2026\u201d is longer).");
        if (list.GroupBy(i => i, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            throw new DomainRuleException("Each item can appear only once.");
        (Items, UpdatedById, UpdatedAt) = (list.ToArray(), clinicianId, now);
    }
}
