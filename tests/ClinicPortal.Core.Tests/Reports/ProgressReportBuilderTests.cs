using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using static ClinicPortal.Core.Tests.Reports.ReportFixture;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class ProgressReportBuilderTests
{
    [Fact]
    public void The_stage_path_starts_from_the_last_earlier_assessment_and_marks_moves_back_in_the_period()
    {
        var stage = Rich().Build().StagePath!;

        Assert.Equal("No-contact journey", stage.ModelName);
        Assert.Equal("Considering", stage.AtStart!.Stage);
        Assert.Equal(["Preparing", "Early no contact", "Preparing"], stage.Steps.Select(s => s.Stage));
        Assert.Equal([Regression.None, Regression.None, Regression.EarlierStage], stage.Steps.Select(s => s.Regression));
        Assert.Equal(["Forward from Considering", "Forward from Preparing", "Back to an earlier stage (from Early no contact)"], stage.Steps.Select(s => s.Movement));
        Assert.Equal(1, stage.Regressions);
        Assert.Equal("Preparing", stage.AtEnd!.Stage);
        Assert.Equal(7, stage.Stages.Count);
    }

    [Fact]
    public void A_client_copy_shows_the_path_without_the_clinicians_evidence()
    {
        var provider = Rich().Build(ReportAudience.Provider).StagePath!;
        var client = Rich().Build(ReportAudience.Client).StagePath!;

        Assert.Contains(provider.Steps, s => s.Evidence.Contains("EVIDENCE-SECRET"));
        Assert.All(client.Steps, s => Assert.Equal("", s.Evidence));
    }

    [Fact]
    public void Assessments_after_the_period_and_in_another_model_are_left_off_the_path()
    {
        var f = new ReportFixture().Assess("Preparing", new DateOnly(2026, 6, 5));
        var grief = BuiltInStageModels.Grief;
        f.Assessments.Add(StageAssessment.Record(f.Client, grief, grief.Stages[0].Id, new DateOnly(2026, 6, 2), "Other model.", null, null, Clinician, Today, At(new DateOnly(2026, 6, 2))));
        var stage = f.Build(period: new ReportPeriod(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 20))).StagePath!;

        Assert.Equal("No-contact journey", stage.ModelName);
        Assert.Single(stage.Steps);
        Assert.Equal(1, stage.OtherModelAssessments);
    }

    [Fact]
    public void Check_ins_are_averaged_by_day_and_week_with_setbacks_and_contact_attempts_counted()
    {
        var c = Rich().CheckIn(new DateOnly(2026, 5, 30), 1, 10, setback: true, "Call").Build().CheckIns!; // before the period: ignored

        Assert.Equal(4, c.CheckIns);
        Assert.Equal(3, c.DaysWithCheckIns);
        Assert.Equal(new CheckInBucket(new DateOnly(2026, 6, 2), 2, 5.0, 7.0, 0, 1), c.Days[0]);
        Assert.Equal(1, c.Setbacks);
        Assert.Equal(3, c.ContactAttempts);
        Assert.Equal([new ChannelCount("Text", 2), new ChannelCount("Call", 1)], c.AttemptsByChannel);
        Assert.Equal(5.5, c.AverageMood);
        Assert.Equal(6.0, c.AverageUrge);
        Assert.Equal(((double?)5.0, (double?)7.0), c.MoodTrend);     // 4, 6, 5 in the first half; 7 in the second
        Assert.Equal(((double?)7.0, (double?)3.0), c.UrgeTrend);
        // Weeks start on Monday: 1 Jun 2026 is a Monday.
        Assert.Equal([new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 22)], c.Weeks.Select(w => w.Start));
        Assert.Equal(1, c.Weeks[1].Setbacks);
    }

    [Fact]
    public void Missing_ratings_are_left_out_of_averages_and_no_check_ins_is_an_empty_section()
    {
        var c = new ReportFixture().CheckIn(new DateOnly(2026, 6, 3), null, 4).CheckIn(new DateOnly(2026, 6, 3), 6, null).Build().CheckIns!;
        Assert.Equal(6.0, c.AverageMood);
        Assert.Equal(4.0, c.AverageUrge);
        Assert.True(new ReportFixture().Build().CheckIns!.IsEmpty);
    }

    [Fact]
    public void Each_boundary_shows_its_level_at_the_end_of_the_period_and_the_moves_made_in_it()
    {
        var f = new ReportFixture()
            .Boundary("Mother", (new DateOnly(2026, 3, 1), ContactLevel.LowContact), (new DateOnly(2026, 6, 10), ContactLevel.NoContact),
                (new DateOnly(2026, 7, 3), ContactLevel.Reconnecting)) // after the period: not yet
            .Boundary("Old boss", (new DateOnly(2026, 7, 2), ContactLevel.NoContact)) // created after the period
            .Boundary("Brother", (new DateOnly(2026, 6, 15), ContactLevel.StructuredContact));
        var b = f.Build().Boundaries!;

        Assert.Equal(["Mother", "Brother"], b.Boundaries.Select(l => l.Person));
        var mother = b.Boundaries[0];
        Assert.Equal(ContactLevel.NoContact, mother.LevelAtEnd);
        Assert.Equal("Returned to no contact (was low contact)", Assert.Single(mother.ChangesInPeriod).Change.Describe());
        Assert.Equal(new DateOnly(2026, 6, 10), mother.ChangesInPeriod[0].Date);
        Assert.Equal(ContactDirection.Started, Assert.Single(b.Boundaries[1].ChangesInPeriod).Change.Direction);
        Assert.Equal(2, b.Changes);
    }

    [Fact]
    public void The_support_network_counts_roles_for_providers_and_only_supportive_people_for_the_client()
    {
        var f = Rich().Person("Later Friend", SupportRole.Supportive, added: new DateOnly(2026, 7, 5));
        var provider = f.Build(ReportAudience.Provider).Support!;
        var client = f.Build(ReportAudience.Client).Support!;

        Assert.Equal((1, (int?)1, (int?)1, (int?)0), (provider.Supportive, provider.MutualNeutral, provider.Risk, provider.Unknown));
        Assert.Equal("Sam Supporter", Assert.Single(provider.CrisisContacts).Name);
        Assert.Equal(1, client.Supportive);
        Assert.Null(client.Risk);
        Assert.Null(client.MutualNeutral);
        Assert.Null(client.Unknown);
        Assert.Single(client.CrisisContacts);
    }

    [Fact]
    public void Urgent_alerts_of_the_period_are_listed_with_what_was_done_and_unacknowledged_ones_say_so()
    {
        var f = new ReportFixture()
            .Alert(AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, new DateOnly(2026, 6, 10), AlertResponse.CalledClient)
            .Alert(AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, new DateOnly(2026, 6, 20), AlertResponse.Other, "Spoke with the school")
            .Alert(AlertKind.ConcernRaised, ConcernSeverity.High, new DateOnly(2026, 6, 28))
            .Alert(AlertKind.ContactAttemptReported, ConcernSeverity.Moderate, new DateOnly(2026, 6, 15), AlertResponse.NoAnswer) // not urgent
            .Alert(AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, new DateOnly(2026, 5, 20), AlertResponse.CalledClient); // before the period

        var s = f.Build().Safety!;

        Assert.Equal(
        [
            (new DateOnly(2026, 6, 10), "Called the client", (DateOnly?)new DateOnly(2026, 6, 10)),
            (new DateOnly(2026, 6, 20), "Other: Spoke with the school", new DateOnly(2026, 6, 20)),
            (new DateOnly(2026, 6, 28), (string?)null, null),
        ], s.Alerts.Select(a => (a.RaisedOn, a.Response, a.AcknowledgedOn)).ToList());
        Assert.False(s.IsEmpty);
        var table = ReportComposer.Compose(f.Build()).Blocks.OfType<TableBlock>().Single(t => t.Caption == "Urgent alerts and what was done");
        Assert.Equal(RowMark.Attention, table.Rows[2].Mark); // never acknowledged
        Assert.Contains("Not acknowledged", table.Rows[2].Cells);
    }

    [Fact]
    public void Safety_concerns_are_counted_as_opened_resolved_and_still_open_at_the_end()
    {
        var f = Rich()
            .Concern(ConcernType.SmearCampaign, ConcernSeverity.Low, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 15)) // resolved before: left out
            .Concern(ConcernType.Following, ConcernSeverity.High, new DateOnly(2026, 6, 5), new DateOnly(2026, 7, 4));  // resolved after the end
        var s = f.Build().Safety!;

        Assert.Equal(3, s.Concerns.Count);
        Assert.Equal(2, s.OpenedInPeriod);   // threats (14 Jun) and following (5 Jun); repeated messages began in May
        Assert.Equal(1, s.ResolvedInPeriod);
        Assert.Equal(2, s.OpenAtEnd);
        var following = s.Concerns.Single(c => c.Type == "Following");
        Assert.Equal(ConcernStatus.Open, following.StatusAtEnd);
        Assert.Equal(new DateOnly(2026, 7, 4), following.ResolvedOn);
        Assert.Null(following.ResolutionNote);
        Assert.Equal("Numbers blocked; calls stopped.", s.Concerns.Single(c => c.StatusAtEnd == ConcernStatus.Resolved).ResolutionNote);
        Assert.Equal(ConcernSeverity.Imminent, s.Concerns[0].Severity); // open and most severe first
    }

    [Fact]
    public void A_client_copy_has_no_safety_section_even_when_asked()
    {
        Assert.Null(Rich().Build(ReportAudience.Client).Safety);
        Assert.NotNull(Rich().Build(ReportAudience.Provider).Safety);
    }

    [Fact]
    public void Attendance_counts_sessions_in_the_period_and_the_rate_leaves_out_cancellations()
    {
        var a = Rich().Session(new DateOnly(2026, 5, 20), ClinicPortal.Core.Sessions.SessionStatus.Completed).Build().Attendance!;

        Assert.Equal((2, 1, 1, 0), (a.Completed, a.Cancelled, a.NoShows, a.NotMarked));
        Assert.Equal(2.0 / 3, a.AttendanceRate!.Value, 6);
        Assert.Equal(new NoteCounts(4, 3), a.Notes);
        Assert.Equal(4, a.Sessions.Count);
    }

    [Fact]
    public void Session_days_follow_the_clinic_time_zone()
    {
        var f = new ReportFixture();
        var start = new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero); // 31 May, 22:00 in New York
        f.Sessions.Add(ClinicPortal.Core.Sessions.TherapySession.Schedule(f.Client.Id, Clinician, start, 50, ClinicPortal.Core.Sessions.SessionModality.Phone, null, start.AddDays(-1)));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var report = ProgressReportBuilder.Build(f.Inputs(zone), ReportOptions.Create(Period, ReportSections.Attendance, ReportAudience.Provider, null),
            new ReportGeneration(Guid.NewGuid(), At(Today), "Dr. Test Clinician"));

        Assert.Empty(report.Attendance!.Sessions);
        Assert.False(report.HasData);
    }

    [Fact]
    public void A_client_with_nothing_recorded_has_no_data_and_only_chosen_sections_are_built()
    {
        var empty = new ReportFixture().Build();
        Assert.False(empty.HasData);
        Assert.True(empty.StagePath!.IsEmpty && empty.CheckIns!.IsEmpty && empty.Boundaries!.IsEmpty && empty.Support!.IsEmpty
            && empty.Safety!.IsEmpty && empty.Attendance!.IsEmpty);

        var partial = Rich().Build(sections: ReportSections.Attendance);
        Assert.True(partial.HasData);
        Assert.Null(partial.StagePath);
        Assert.Null(partial.CheckIns);
        Assert.NotNull(partial.Attendance);
        Assert.False(Rich().Build(sections: ReportSections.CheckIns, period: new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31))).HasData);
    }
}
