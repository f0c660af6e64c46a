namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>What changed between two states of a treatment plan, in words for the revision history.</summary>
public static class PlanChanges
{
    public static string Describe(PlanContent? before, PlanContent after)
    {
        if (before is null) return $"Created with {Count(after.Goals.Count, "goal")}.";
        var parts = new List<string>();
        if (before.PresentingProblems != after.PresentingProblems) parts.Add("presenting problems changed");
        var added = after.Goals.Count(g => !before.Goals.Contains(g));
        var removed = before.Goals.Count(g => !after.Goals.Contains(g));
        if (added > 0) parts.Add($"{Count(added, "goal")} added or changed");
        if (removed > 0) parts.Add($"{Count(removed, "goal")} removed or replaced");
        if (before.Interventions != after.Interventions) parts.Add("interventions changed");
        if (before.ReviewDate != after.ReviewDate)
            parts.Add(after.ReviewDate is { } d ? $"review date set to {d:d MMM yyyy}" : "review date cleared");
        if (parts.Count == 0) return "";
        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
