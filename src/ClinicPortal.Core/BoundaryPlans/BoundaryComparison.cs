using System.Globalization;

namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>One field of two boundary versions side by side, as words for the page.</summary>
public sealed record FieldComparison(string Label, string Before, string After)
{
    public bool Changed => Before != After;
}

public enum ItemChange
{
    Unchanged,
    Added,
    Removed,
    /// <summary>Same words; shared with the client in one version and not the other.</summary>
    SharingChanged,
    /// <summary>Same words and sharing; a condition's status, date or evidence changed.</summary>
    ProgressChanged,
}

/// <summary>One item of a list in both versions; <c>Progress…</c> describe a condition's status (empty for reasons).</summary>
public sealed record ItemComparison(string Text, ItemChange Change, bool SharedBefore, bool SharedAfter,
    string ProgressBefore = "", string ProgressAfter = "");

/// <summary>An ordered list (reasons, conditions) compared item by item; items are matched by their words.</summary>
public sealed record ListComparison(string Label, IReadOnlyList<ItemComparison> Items, bool Reordered)
{
    public bool Changed => Reordered || Items.Any(i => i.Change != ItemChange.Unchanged);
    public int Count(ItemChange change) => Items.Count(i => i.Change == change);
}

/// <summary>
/// A readable, field-by-field comparison of two versions of a boundary, and the short summary of
/// what changed that every revision stores. <c>before</c> is null for a boundary's first version.
/// </summary>
public sealed class BoundaryComparison
{
    private readonly BoundarySnapshot? _before;
    private readonly BoundarySnapshot _after;

    public IReadOnlyList<FieldComparison> Fields { get; }
    public IReadOnlyList<ListComparison> Lists { get; }

    private BoundaryComparison(BoundarySnapshot? before, BoundarySnapshot after)
    {
        (_before, _after) = (before, after);
        Fields = CompareFields(before, after);
        Lists =
        [
            CompareList("Reasons", Items(before?.Reasons), Items(after.Reasons)),
            CompareList("Conditions for reconsidering contact", Items(before?.Conditions), Items(after.Conditions)),
        ];
    }

    public static BoundaryComparison Between(BoundarySnapshot? before, BoundarySnapshot after) => new(before, after);

    public bool HasChanges => _before is null || Fields.Any(f => f.Changed) || Lists.Any(l => l.Changed);

    /// <summary>What changed, in one short line: values for short fields, "edited" for free text.</summary>
    public string Summary()
    {
        if (_before is null)
        {
            var shared = _after.Reasons.Count(r => r.SharedWithClient) + _after.Conditions.Count(c => c.SharedWithClient);
            return $"Created at {BoundaryLabels.Of(_after.ContactLevel).ToLowerInvariant()}, {Plural(_after.Reasons.Count, "reason")}, "
                + $"{Plural(_after.Conditions.Count, "condition")} ({shared} shared with the client).";
        }
        var parts = new List<string>();
        foreach (var f in Fields.Where(f => f.Changed))
            parts.Add(FreeText.Contains(f.Label) ? $"{f.Label.ToLowerInvariant()} edited" : $"{f.Label}: {f.Before} → {f.After}");
        foreach (var l in Lists.Where(l => l.Changed))
        {
            var bits = new List<string>();
            if (l.Count(ItemChange.Added) is > 0 and var added) bits.Add($"{added} added");
            if (l.Count(ItemChange.Removed) is > 0 and var removed) bits.Add($"{removed} removed");
            if (l.Count(ItemChange.SharingChanged) is > 0 and var sharing) bits.Add($"sharing changed on {sharing}");
            if (l.Count(ItemChange.ProgressChanged) is > 0 and var progress) bits.Add($"progress updated on {progress}");
            if (l.Reordered) bits.Add("reordered");
            parts.Add($"{l.Label}: {string.Join(", ", bits)}");
        }
        return parts.Count == 0 ? "No changes." : string.Join("; ", parts) + ".";
    }

    private static readonly HashSet<string> FreeText = ["Person or group", "Exceptions"];

    private static List<FieldComparison> CompareFields(BoundarySnapshot? b, BoundarySnapshot a)
    {
        var rows = new List<FieldComparison>
        {
            new("Person or group", b?.PersonName ?? "", a.PersonName),
            new("Relationship", b is null ? "" : BoundaryLabels.Of(b.Relationship), BoundaryLabels.Of(a.Relationship)),
            new("Contact level", b is null ? "" : BoundaryLabels.Of(b.ContactLevel), BoundaryLabels.Of(a.ContactLevel)),
            new("Door open to reconnect", b is null ? "" : YesNo(b.DoorOpen), YesNo(a.DoorOpen)),
            new("How the person is told", b is null ? "" : Told(b.HowTold), Told(a.HowTold)),
            new("Start date", b is null ? "" : Date(b.StartDate), Date(a.StartDate)),
            new("Planned length", b is null ? "" : b.PlannedLength ?? "—", a.PlannedLength ?? "—"),
            new("Review date", b is null ? "" : Date(b.ReviewDate), Date(a.ReviewDate)),
            new("Exceptions", b is null ? "" : b.Exceptions ?? "—", a.Exceptions ?? "—"),
        };
        foreach (var channel in Enum.GetValues<BoundaryChannel>())
            rows.Add(new($"Channel: {BoundaryLabels.Of(channel)}", b is null ? "" : Status(b.StatusOf(channel)), Status(a.StatusOf(channel))));
        foreach (var item in Enum.GetValues<PreparationItem>())
            rows.Add(new($"Preparation: {BoundaryLabels.Of(item)}", b is null ? "" : YesNo(b.Preparation.Contains(item)), YesNo(a.Preparation.Contains(item))));
        return rows;
    }

    /// <summary>An item as compared: its words, sharing, and (for a condition) its progress in words.</summary>
    private sealed record Item(string Text, bool Shared, string Progress);

    private static List<Item> Items(IReadOnlyList<PlanItem>? items) => (items ?? []).Select(i => new Item(i.Text, i.SharedWithClient, "")).ToList();

    private static List<Item> Items(IReadOnlyList<ConditionItem>? items) =>
        (items ?? []).Select(c => new Item(c.Text, c.SharedWithClient, Progress(c))).ToList();

    /// <summary>A condition's status as one line: "Met, 3 Nov 2026: evidence".</summary>
    public static string Progress(ConditionItem c) =>
        BoundaryLabels.Of(c.Status) + (c.StatusDate is { } d ? $", {Date(d)}" : "") + (c.Evidence is { } e ? $": {e}" : "");

    private static ListComparison CompareList(string label, IReadOnlyList<Item> before, IReadOnlyList<Item> after)
    {
        var items = new List<ItemComparison>();
        foreach (var item in after)
        {
            var old = before.FirstOrDefault(o => SameWords(o.Text, item.Text));
            items.Add(old is null
                ? new(item.Text, ItemChange.Added, false, item.Shared, "", item.Progress)
                : new(item.Text,
                    old.Shared != item.Shared ? ItemChange.SharingChanged : old.Progress != item.Progress ? ItemChange.ProgressChanged : ItemChange.Unchanged,
                    old.Shared, item.Shared, old.Progress, item.Progress));
        }
        foreach (var old in before.Where(o => !after.Any(i => SameWords(i.Text, o.Text))))
            items.Add(new(old.Text, ItemChange.Removed, old.Shared, false, old.Progress, ""));

        // Reordered: the items kept in both versions appear in a different order.
        var keptBefore = before.Where(o => after.Any(i => SameWords(i.Text, o.Text))).Select(o => o.Text.Trim());
        var keptAfter = after.Where(i => before.Any(o => SameWords(o.Text, i.Text))).Select(i => i.Text.Trim());
        return new ListComparison(label, items, !keptBefore.SequenceEqual(keptAfter));
    }

    /// <summary>Exact words: a corrected capital letter is a change worth keeping.</summary>
    private static bool SameWords(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
    private static string YesNo(bool value) => value ? "Yes" : "No";
    private static string Told(HowTold? value) => value is { } v ? BoundaryLabels.Of(v) : "Not decided";
    private static string Status(ChannelStatus? value) => value is { } v ? BoundaryLabels.Of(v) : "Not set";
    private static string Date(DateOnly? value) => value?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";
}
