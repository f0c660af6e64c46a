using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;

namespace ClinicPortal.Core.Tests.Progress;

public sealed class CustomStageModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stages_are_read_one_per_line_in_order_with_any_common_dash()
    {
        var model = StageModel.CreateCustom("  Family estrangement  ", """
            Unsettled — contact feels unpredictable

            Deciding – choosing what contact, if any, to keep
            Holding - keeping the new limits under pressure
            Steady — limits hold without daily effort
            """, "holding", Now);

        Assert.Equal("Family estrangement", model.Name);
        Assert.False(model.IsBuiltIn);
        Assert.Equal(["Unsettled", "Deciding", "Holding", "Steady"], model.OrderedStages.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4], model.OrderedStages.Select(s => s.Position));
        Assert.Equal("choosing what contact, if any, to keep", model.OrderedStages.ElementAt(1).Description);
        Assert.Equal("Holding", model.Stages.Single(s => s.IsRelapse).Name);
        Assert.All(model.Stages, s => Assert.Equal(model.Id, s.ModelId));
    }

    [Theory]
    [InlineData(null, "A — a\nB — b", null, "Model name is required")]
    [InlineData("M", "Only — one", null, "at least 2 stages")]
    [InlineData("M", "A — a\nB without description", null, "Line 2")]
    [InlineData("M", "A — a\na — again", null, "appears twice")]
    [InlineData("M", "A — a\nB — b", "C", "not one of the stages")]
    public void Bad_models_are_refused_with_a_message(string? name, string stages, string? relapse, string message)
    {
        var e = Assert.Throws<DomainRuleException>(() => StageModel.CreateCustom(name, stages, relapse, Now));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Too_many_stages_or_overlong_names_are_refused()
    {
        var thirteen = string.Join("\n", Enumerable.Range(1, 13).Select(i => $"Stage {i} — description {i}"));
        Assert.Contains("at most 12", Assert.Throws<DomainRuleException>(() => StageModel.CreateCustom("M", thirteen, null, Now)).Message);
        Assert.Contains("at most 60", Assert.Throws<DomainRuleException>(() =>
            StageModel.CreateCustom("M", $"{new string('n', 61)} — d\nB — b", null, Now)).Message);
        Assert.Contains("at most 200", Assert.Throws<DomainRuleException>(() =>
            StageModel.CreateCustom("M", $"A — {new string('d', 201)}\nB — b", null, Now)).Message);
    }

    [Fact]
    public void Only_an_unused_custom_model_may_be_deleted()
    {
        var custom = StageModel.CreateCustom("M", "A — a\nB — b", null, Now);

        custom.EnsureDeletable(inUse: false);
        Assert.Contains("Retire it instead", Assert.Throws<DomainRuleException>(() => custom.EnsureDeletable(inUse: true)).Message);
        Assert.Contains("Built-in", Assert.Throws<DomainRuleException>(() => BuiltInStageModels.Grief.EnsureDeletable(inUse: false)).Message);
    }

    [Fact]
    public void Regression_rules_apply_to_custom_models_too()
    {
        var custom = StageModel.CreateCustom("M", "A — a\nB — b\nSlip — s\nC — c", "Slip", Now);
        Stage S(string name) => custom.Stages.Single(s => s.Name == name);

        Assert.Equal(Regression.None, StagePath.Classify(S("A"), S("B")));
        Assert.Equal(Regression.EarlierStage, StagePath.Classify(S("C"), S("B")));
        Assert.Equal(Regression.Relapse, StagePath.Classify(S("B"), S("Slip")));
        Assert.Equal(Regression.None, StagePath.Classify(S("Slip"), S("C")));
        Assert.Equal(Regression.None, StagePath.Classify(null, S("A")));
    }
}
