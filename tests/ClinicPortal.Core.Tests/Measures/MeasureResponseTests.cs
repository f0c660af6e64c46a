using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Measures;

namespace ClinicPortal.Core.Tests.Measures;

public sealed class MeasureResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid();

    internal static Client NewClient() =>
        Client.Create(new ClientDetails("Mira Measure", null, null, null, null, null, "UTC", new DateOnly(2026, 1, 5), null), Clinician, new DateOnly(2026, 5, 4), Now);

    [Fact]
    public void A_response_keeps_its_instrument_version_and_a_draft()
    {
        var response = MeasureResponse.Give(NewClient(), "GAD-7", Clinician, Now);
        Assert.Equal((Instruments.Gad7.Code, Instruments.Gad7.Version, 7), (response.InstrumentCode, response.InstrumentVersion, response.Answers.Length));
        response.SaveDraft([1, 2, null, null, null, null, null]);
        Assert.Equal([1, 2, null, null, null, null, null], response.Answers);
        Assert.False(response.IsSubmitted);
    }

    [Fact]
    public void Submitting_scores_and_closes_it_for_good()
    {
        var response = MeasureResponse.Give(NewClient(), "PHQ-9", Clinician, Now);
        Assert.True(response.Submit([0, 0, 0, 0, 0, 0, 0, 0, 1], Now));
        Assert.Equal((1, true), (response.Total, response.SafetyFlag));
        Assert.Equal(MeasureResponse.SubmittedMessage, Assert.Throws<DomainRuleException>(() => response.Submit([0, 0, 0, 0, 0, 0, 0, 0, 0], Now)).Message);
        Assert.Equal(MeasureResponse.SubmittedMessage, Assert.Throws<DomainRuleException>(() => response.SaveDraft(new int?[9])).Message);
        Assert.Equal(1, response.Total);
    }

    [Fact]
    public void A_refused_submit_changes_nothing()
    {
        var response = MeasureResponse.Give(NewClient(), "PHQ-9", Clinician, Now);
        Assert.Throws<DomainRuleException>(() => response.Submit([1, 1, 1, 1, 1, 1, 1, 1, null], Now));
        Assert.Equal((false, (int?)null), (response.IsSubmitted, response.Total));
        Assert.All(response.Answers, a => Assert.Null(a));
    }

    [Fact]
    public void Unknown_instruments_and_discharged_clients_are_refused()
    {
        Assert.Equal(MeasureSchedule.ChooseInstrument, Assert.Throws<DomainRuleException>(() => MeasureResponse.Give(NewClient(), "BDI-II", Clinician, Now)).Message);
        var discharged = NewClient();
        discharged.ChangeStatus(ClientStatus.Discharged, Now);
        Assert.Equal(Client.ReadOnlyMessage, Assert.Throws<DomainRuleException>(() => MeasureResponse.Give(discharged, "PHQ-9", Clinician, Now)).Message);
        Assert.Equal(Client.ReadOnlyMessage, Assert.Throws<DomainRuleException>(() =>
            MeasureSchedule.Create(discharged, "PHQ-9", ScheduleKind.EveryWeeks, 2, false, Clinician, Now)).Message);
    }

    [Fact]
    public void A_note_needs_a_submitted_response_and_words()
    {
        var response = MeasureResponse.Give(NewClient(), "GAD-7", Clinician, Now);
        Assert.Throws<DomainRuleException>(() => MeasureNote.Add(response, Clinician, "Discussed", Now));
        response.Submit([0, 0, 0, 0, 0, 0, 0], Now);
        Assert.Throws<DomainRuleException>(() => MeasureNote.Add(response, Clinician, "  ", Now));
        Assert.Equal("Discussed", MeasureNote.Add(response, Clinician, " Discussed ", Now).Text);
    }
}
