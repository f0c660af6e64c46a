using System.Text.RegularExpressions;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Progress;

/// <summary>
/// An ordered set of stages a client moves through. Two are built in; administrators may add their own.
/// A model that is in use is never deleted, only retired (no new clients are put on it).
/// </summary>
public sealed partial class StageModel
{
    public const int NameMax = 80, MinStages = 2, MaxStages = 12;

    private readonly List<Stage> _stages = [];

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsBuiltIn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public IReadOnlyList<Stage> Stages => _stages;

    public bool IsRetired => RetiredAt is not null;

    public IEnumerable<Stage> OrderedStages => _stages.OrderBy(s => s.Position);

    private StageModel() { }

    /// <summary>
    /// A custom model from a name and one stage per line, written "Name — description"
    /// (an em dash, en dash or " - " separates the two). <paramref name="relapseStage"/> optionally names
    /// the stage that counts as a relapse.
    /// </summary>
    public static StageModel CreateCustom(string? name, string? stageLines, string? relapseStage, DateTimeOffset now)
    {
        var model = new StageModel { Id = Guid.NewGuid(), Name = Guard.Required(name, "Model name", NameMax), CreatedAt = now };
        var relapse = Guard.Optional(relapseStage, "Relapse stage", Stage.NameMax);
        var lines = (stageLines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count < MinStages) throw new DomainRuleException($"Write at least {MinStages} stages, one per line.");
        if (lines.Count > MaxStages) throw new DomainRuleException($"A model can have at most {MaxStages} stages.");

        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            var match = StageLine().Match(line);
            if (!match.Success)
                throw new DomainRuleException($"Line {index + 1}: write the stage as \"Name — short description\".");
            var stageName = Guard.Required(match.Groups["name"].Value, $"Line {index + 1}: stage name", Stage.NameMax);
            var description = Guard.Required(match.Groups["description"].Value, $"Line {index + 1}: description", Stage.DescriptionMax);
            if (model._stages.Any(s => string.Equals(s.Name, stageName, StringComparison.OrdinalIgnoreCase)))
                throw new DomainRuleException($"Stage \"{stageName}\" appears twice. Each stage needs its own name.");
            var isRelapse = relapse is not null && string.Equals(relapse, stageName, StringComparison.OrdinalIgnoreCase);
            model._stages.Add(new Stage(Guid.NewGuid(), model.Id, stageName, description, index + 1, isRelapse));
        }
        if (relapse is not null && !model._stages.Any(s => s.IsRelapse))
            throw new DomainRuleException($"The relapse stage \"{relapse}\" is not one of the stages listed.");
        return model;
    }

    /// <summary>Defines a built-in model in code (the migration seeds the same rows).</summary>
    internal static StageModel BuiltIn(Guid id, string name, IEnumerable<(Guid Id, string Name, string Description, bool IsRelapse)> stages)
    {
        var model = new StageModel { Id = id, Name = name, IsBuiltIn = true, CreatedAt = DateTimeOffset.UnixEpoch };
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
            model._stages.Add(new Stage(stage.Id, id, stage.Name, stage.Description, index + 1, stage.IsRelapse));
        return model;
    }

    public Stage? FindStage(Guid stageId) => _stages.FirstOrDefault(s => s.Id == stageId);

    public void Retire(DateTimeOffset now)
    {
        if (Id == BuiltInStageModels.DefaultModelId)
            throw new DomainRuleException("The default model cannot be retired: new clients start on it.");
        if (IsRetired) throw new DomainRuleException("This model is already retired.");
        RetiredAt = now;
    }

    public void Reinstate()
    {
        if (!IsRetired) throw new DomainRuleException("This model is not retired.");
        RetiredAt = null;
    }

    /// <summary>Only an unused custom model may be deleted; anything a client's record refers to is retired instead.</summary>
    public void EnsureDeletable(bool inUse)
    {
        if (IsBuiltIn) throw new DomainRuleException("Built-in models cannot be deleted.");
        if (inUse) throw new DomainRuleException("This model is in use by at least one client, so it cannot be deleted. Retire it instead.");
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*(?:—|–|\s-\s)\s*(?<description>.+)$")]
    private static partial Regex StageLine();
}
