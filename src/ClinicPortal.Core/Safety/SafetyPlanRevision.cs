using System.Text.Json;
using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Safety;

/// <summary>
/// One saved state of a client's safety plan: who saved it, when, every step as it then stood, whether the client
/// could see it, and a short machine-made summary of what changed. Written once, never edited.
/// </summary>
public sealed class SafetyPlanRevision : IClinicalRecord
{
    public const int SummaryMax = 1000;

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>1 for the creation, then 2, 3… per plan.</summary>
    public int Number { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public bool SharedWithClient { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>The steps as a JSON object keyed by step name (<see cref="ReadSteps"/>).</summary>
    public string Snapshot { get; private set; } = "";

    private SafetyPlanRevision() { }

    internal SafetyPlanRevision(SafetyPlan plan, Guid authorId, DateTimeOffset now, string summary)
    {
        (Id, PlanId, ClientId, Number, AuthorId, CreatedAt) = (Guid.NewGuid(), plan.Id, plan.ClientId, plan.RevisionNumber, authorId, now);
        SharedWithClient = plan.SharedWithClient;
        Summary = summary.Length > SummaryMax ? summary[..(SummaryMax - 1)] + "…" : summary;
        Snapshot = JsonSerializer.Serialize(SafetyPlan.Steps.ToDictionary(t => t.Step.ToString(), t => plan.Get(t.Step)));
    }

    public IReadOnlyDictionary<SafetyPlanStep, string?> ReadSteps()
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string?>>(Snapshot) ?? [];
        return SafetyPlan.Steps.ToDictionary(t => t.Step, t => stored.GetValueOrDefault(t.Step.ToString()));
    }

    /// <summary>What changed between two states of the plan, in words for the revision list ("Warning signs changed…").</summary>
    public static string Describe(IReadOnlyDictionary<SafetyPlanStep, string?>? before, bool? sharedBefore,
        IReadOnlyDictionary<SafetyPlanStep, string?> after, bool sharedAfter)
    {
        if (before is null)
        {
            var filled = SafetyPlan.Steps.Where(t => after.GetValueOrDefault(t.Step) is not null).Select(t => t.Label).ToList();
            return $"Created with {string.Join(", ", filled)}{(sharedAfter ? "; shared with the client" : "")}.";
        }
        var parts = new List<string>();
        foreach (var t in SafetyPlan.Steps)
        {
            var (was, now) = (before.GetValueOrDefault(t.Step), after.GetValueOrDefault(t.Step));
            if (was == now) continue;
            parts.Add(was is null ? $"{t.Label} added" : now is null ? $"{t.Label} cleared" : $"{t.Label} changed");
        }
        if (sharedBefore != sharedAfter) parts.Add(sharedAfter ? "shared with the client" : "no longer shared with the client");
        return parts.Count == 0 ? "" : string.Concat(parts[0][..1].ToUpperInvariant(), parts[0][1..], parts.Count > 1 ? "; " + string.Join("; ", parts.Skip(1)) : "", ".");
    }
}
