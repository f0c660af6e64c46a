using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;

namespace ClinicPortal.Core.Tests.Progress;

public sealed class StageRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid();
    private static readonly StageModel Grief = BuiltInStageModels.Grief;
    private static readonly StageModel Journey = BuiltInStageModels.Journey;

    private static Client NewClient(int daysInCare = 100) =>
        Client.Create(new ClientDetails("Test Person", null, null, null, null, null, "UTC", Today.AddDays(-daysInCare), null), Clinician, Today, Now);

    private static Guid StageOf(StageModel model, string name) => model.Stages.Single(s => s.Name == name).Id;

    /// <summary>Assessments in the given order, <paramref name="daysAgo"/> apart from today; creation order follows list order.</summary>
    private static List<StageAssessment> Assess(Client client, StageModel model, params (string Stage, int DaysAgo)[] steps) =>
        steps.Select((s, i) => StageAssessment.Record(client, model, StageOf(model, s.Stage), Today.AddDays(-s.DaysAgo), "Observed in session.",
            null, null, Clinician, Today, Now.AddMinutes(i))).ToList();

    [Fact]
    public void The_built_in_models_have_their_stages_in_order_with_one_relapse_stage()
    {
        Assert.Equal(["Desperation", "Denial", "Bargaining", "Relapse", "Anger", "Initial Acceptance", "Redirected Hope"], Grief.OrderedStages.Select(s => s.Name));
        Assert.Equal(["Considering", "Preparing", "Early no contact", "Fallout", "Healing", "Thriving", "Reconnecting"], Journey.OrderedStages.Select(s => s.Name));
        Assert.Equal("Relapse", Grief.Stages.Single(s => s.IsRelapse).Name);
        Assert.DoesNotContain(Journey.Stages, s => s.IsRelapse);
        Assert.All(BuiltInStageModels.All.SelectMany(m => m.Stages), s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.Equal(BuiltInStageModels.JourneyId, BuiltInStageModels.DefaultModelId);
    }

    [Fact]
    public void Moving_back_to_an_earlier_stage_is_a_regression_and_moving_forward_is_not()
    {
        var client = NewClient();
        var path = StagePath.Build(Journey, Assess(client, Journey,
            ("Considering", 60), ("Preparing", 50), ("Early no contact", 40), ("Fallout", 30), ("Early no contact", 20), ("Healing", 10)));

        Assert.Equal([Regression.None, Regression.None, Regression.None, Regression.None, Regression.EarlierStage, Regression.None],
            path.Points.Select(p => p.Regression));
        Assert.Equal(1, path.RegressionCount);
    }

    [Fact]
    public void Entering_relapse_is_a_regression_even_though_it_comes_later_in_the_order()
    {
        var client = NewClient();
        var path = StagePath.Build(Grief, Assess(client, Grief,
            ("Desperation", 50), ("Denial", 40), ("Bargaining", 30), ("Relapse", 20), ("Anger", 10), ("Initial Acceptance", 0)));

        Assert.Equal([Regression.None, Regression.None, Regression.None, Regression.Relapse, Regression.None, Regression.None],
            path.Points.Select(p => p.Regression));
    }

    [Fact]
    public void Staying_in_a_stage_is_not_a_move_but_a_first_assessment_in_relapse_is_marked()
    {
        var client = NewClient();
        var path = StagePath.Build(Grief, Assess(client, Grief, ("Relapse", 20), ("Relapse", 10), ("Denial", 5), ("Denial", 1)));

        Assert.Equal([Regression.Relapse, Regression.None, Regression.EarlierStage, Regression.None], path.Points.Select(p => p.Regression));
    }

    [Fact]
    public void The_path_is_in_date_order_whatever_order_assessments_were_recorded_in()
    {
        var client = NewClient();
        // Recorded late: the Fallout assessment is back-dated before Healing, so Healing is progress and nothing regresses.
        var path = StagePath.Build(Journey, Assess(client, Journey, ("Early no contact", 30), ("Healing", 5), ("Fallout", 15)));

        Assert.Equal(["Early no contact", "Fallout", "Healing"], path.Points.Select(p => p.Stage.Name));
        Assert.Equal(0, path.RegressionCount);
    }

    [Fact]
    public void Assessments_from_another_model_are_left_out_of_the_path()
    {
        var client = NewClient();
        var assessments = Assess(client, Journey, ("Considering", 40), ("Preparing", 30));
        assessments.AddRange(Assess(client, Grief, ("Anger", 10)));

        Assert.Equal(2, StagePath.Build(Journey, assessments).Points.Count);
        Assert.Equal("Anger", Assert.Single(StagePath.Build(Grief, assessments).Points).Stage.Name);
    }

    [Fact]
    public void Time_in_the_current_stage_counts_from_the_start_of_the_latest_run_in_it()
    {
        var client = NewClient();
        var path = StagePath.Build(Journey, Assess(client, Journey,
            ("Early no contact", 40), ("Fallout", 30), ("Early no contact", 20), ("Early no contact", 8)));

        Assert.Equal("Early no contact", path.Current!.Stage.Name);
        Assert.Equal(Today.AddDays(-20), path.CurrentStageSince);
        Assert.Equal(20, path.DaysInCurrentStage(Today));
        Assert.Equal(0, path.DaysInCurrentStage(Today.AddDays(-20)));
    }

    [Fact]
    public void A_path_without_assessments_has_no_current_stage_or_time_in_it()
    {
        var path = StagePath.Build(Journey, []);

        Assert.Null(path.Current);
        Assert.Null(path.CurrentStageSince);
        Assert.Null(path.DaysInCurrentStage(Today));
    }

    [Fact]
    public void An_assessment_needs_a_stage_of_the_current_model()
    {
        var client = NewClient();
        var e = Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(client, Journey, StageOf(Grief, "Anger"), Today, "Evidence", null, null, Clinician, Today, Now));
        Assert.Contains("No-contact journey", e.Message);
        Assert.Throws<DomainRuleException>(() => StageAssessment.Record(client, Journey, Guid.NewGuid(), Today, "Evidence", null, null, Clinician, Today, Now));
    }

    [Fact]
    public void An_assessment_cannot_be_dated_in_the_future_or_before_intake()
    {
        var client = NewClient(daysInCare: 10);
        var stage = StageOf(Journey, "Preparing");

        Assert.Contains("future", Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(client, Journey, stage, Today.AddDays(1), "Evidence", null, null, Clinician, Today, Now)).Message);
        Assert.Contains("intake", Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(client, Journey, stage, Today.AddDays(-11), "Evidence", null, null, Clinician, Today, Now)).Message);
        Assert.Contains("date", Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(client, Journey, stage, null, "Evidence", null, null, Clinician, Today, Now)).Message);

        Assert.Equal(Today.AddDays(-10), StageAssessment.Record(client, Journey, stage, Today.AddDays(-10), "Evidence", null, null, Clinician, Today, Now).AssessedOn);
        Assert.Equal(Today, StageAssessment.Record(client, Journey, stage, Today, "Evidence", null, null, Clinician, Today, Now).AssessedOn);
    }

    [Theory]
    [InlineData(null, "Evidence is required")]
    [InlineData("   ", "Evidence is required")]
    [InlineData(501, "at most 500 characters")]
    public void Evidence_is_required_and_short(object? evidence, string message)
    {
        var text = evidence is int length ? new string('x', length) : (string?)evidence;
        var e = Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(NewClient(), Journey, StageOf(Journey, "Preparing"), Today, text, null, null, Clinician, Today, Now));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_discharged_clients_path_is_read_only()
    {
        var client = NewClient();
        client.ChangeStatus(ClientStatus.Discharged, Now);

        Assert.Throws<DomainRuleException>(() =>
            StageAssessment.Record(client, Journey, StageOf(Journey, "Preparing"), Today, "Evidence", null, null, Clinician, Today, Now));
        Assert.Throws<DomainRuleException>(() => ClientStageModel.Switch(client, Journey.Id, Grief, Clinician, Now));
    }

    [Fact]
    public void Switching_model_records_who_and_when_and_the_newest_switch_is_in_force()
    {
        var client = NewClient();
        Assert.Equal(BuiltInStageModels.JourneyId, ClientStageModel.CurrentModelId([]));

        var toGrief = ClientStageModel.Switch(client, Journey.Id, Grief, Clinician, Now);
        var backToJourney = ClientStageModel.Switch(client, Grief.Id, Journey, Clinician, Now.AddDays(3));

        Assert.Equal((client.Id, Grief.Id, Clinician, Now), (toGrief.ClientId, toGrief.ModelId, toGrief.ChangedById, toGrief.StartedAt));
        Assert.Equal(Grief.Id, ClientStageModel.CurrentModelId([toGrief]));
        Assert.Equal(Journey.Id, ClientStageModel.CurrentModelId([backToJourney, toGrief]));
        Assert.Contains("already follows", Assert.Throws<DomainRuleException>(() => ClientStageModel.Switch(client, Grief.Id, Grief, Clinician, Now)).Message);
    }

    [Fact]
    public void A_retired_model_cannot_be_chosen_and_the_default_cannot_be_retired()
    {
        var custom = StageModel.CreateCustom("Short model", "One — first\nTwo — second", null, Now);
        custom.Retire(Now);

        Assert.True(custom.IsRetired);
        Assert.Contains("retired", Assert.Throws<DomainRuleException>(() => ClientStageModel.Switch(NewClient(), Journey.Id, custom, Clinician, Now)).Message);
        Assert.Throws<DomainRuleException>(() => custom.Retire(Now));
        custom.Reinstate();
        Assert.False(custom.IsRetired);
        Assert.Contains("default", Assert.Throws<DomainRuleException>(() => Journey.Retire(Now)).Message);
        Assert.False(Journey.IsRetired);
    }
}
