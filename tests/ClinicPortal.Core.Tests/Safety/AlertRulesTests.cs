using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class AlertRulesTests
{
    [Theory]
    // New concerns: only high and imminent alert.
    [InlineData(null, null, ConcernSeverity.Low, ConcernStatus.Open, false)]
    [InlineData(null, null, ConcernSeverity.Moderate, ConcernStatus.Open, false)]
    [InlineData(null, null, ConcernSeverity.High, ConcernStatus.Open, true)]
    [InlineData(null, null, ConcernSeverity.Imminent, ConcernStatus.Monitoring, true)]
    [InlineData(null, null, ConcernSeverity.Imminent, ConcernStatus.Resolved, false)]
    // Rising to high or imminent alerts; staying, falling or resolving does not.
    [InlineData(ConcernSeverity.Moderate, ConcernStatus.Open, ConcernSeverity.High, ConcernStatus.Open, true)]
    [InlineData(ConcernSeverity.High, ConcernStatus.Open, ConcernSeverity.Imminent, ConcernStatus.Open, true)]
    [InlineData(ConcernSeverity.High, ConcernStatus.Open, ConcernSeverity.High, ConcernStatus.Monitoring, false)]
    [InlineData(ConcernSeverity.Imminent, ConcernStatus.Open, ConcernSeverity.High, ConcernStatus.Open, false)]
    [InlineData(ConcernSeverity.Low, ConcernStatus.Open, ConcernSeverity.Moderate, ConcernStatus.Open, false)]
    [InlineData(ConcernSeverity.Moderate, ConcernStatus.Open, ConcernSeverity.Imminent, ConcernStatus.Resolved, false)]
    // Reopening a high concern alerts again.
    [InlineData(ConcernSeverity.High, ConcernStatus.Resolved, ConcernSeverity.High, ConcernStatus.Open, true)]
    public void Concern_alerts_follow_severity(ConcernSeverity? previous, ConcernStatus? previousStatus, ConcernSeverity severity, ConcernStatus status, bool alerts) =>
        Assert.Equal(alerts, AlertRules.ConcernNeedsAlert(previous, previousStatus, severity, status));

    [Theory]
    [InlineData(ConcernSeverity.Low, ConcernSeverity.Moderate)]
    [InlineData(ConcernSeverity.Moderate, ConcernSeverity.Moderate)]
    [InlineData(ConcernSeverity.High, ConcernSeverity.High)]
    [InlineData(ConcernSeverity.Imminent, ConcernSeverity.High)]
    public void An_overdue_review_is_never_imminent(ConcernSeverity concern, ConcernSeverity alert) =>
        Assert.Equal(alert, AlertRules.OverdueReviewSeverity(concern));

    [Theory]
    // Imminent alerts email whatever the clinician chose; others from the clinician's own choice upwards.
    [InlineData(ConcernSeverity.Imminent, ConcernSeverity.Imminent, true)]
    [InlineData(ConcernSeverity.High, ConcernSeverity.Imminent, false)]
    [InlineData(ConcernSeverity.Moderate, ConcernSeverity.Imminent, false)]
    [InlineData(ConcernSeverity.High, ConcernSeverity.High, true)]
    [InlineData(ConcernSeverity.Moderate, ConcernSeverity.High, false)]
    [InlineData(ConcernSeverity.Moderate, ConcernSeverity.Moderate, true)]
    [InlineData(ConcernSeverity.Low, ConcernSeverity.Moderate, false)]
    public void Alerts_email_from_the_clinicians_own_choice_and_imminent_ones_always(ConcernSeverity severity, ConcernSeverity mailFrom, bool emails) =>
        Assert.Equal(emails, AlertRules.Emails(severity, mailFrom));

    [Fact]
    public void Only_moderate_and_above_may_email_anyone() =>
        Assert.Equal([false, true, true, true], Enum.GetValues<ConcernSeverity>().Order().Select(AlertRules.MayEmail));

    [Fact]
    public void A_clinician_cannot_ask_for_no_mail_about_imminent_alerts_nor_for_low_ones()
    {
        Assert.Equal(ConcernSeverity.High, AlertRules.ValidMailFrom(ConcernSeverity.High));
        foreach (var refused in new ConcernSeverity?[] { null, ConcernSeverity.Low, (ConcernSeverity)4 })
            Assert.Equal(AlertRules.MailFromMessage, Assert.Throws<DomainRuleException>(() => AlertRules.ValidMailFrom(refused)).Message);
    }

    [Fact]
    public void Only_imminent_alerts_pin_the_client_until_acknowledged()
    {
        Assert.True(AlertRules.PinsToTopOfCaseload(ConcernSeverity.Imminent, null));
        Assert.False(AlertRules.PinsToTopOfCaseload(ConcernSeverity.Imminent, DateTimeOffset.UtcNow));
        Assert.False(AlertRules.PinsToTopOfCaseload(ConcernSeverity.High, null));
    }

    [Fact]
    public void Unsafe_is_always_imminent_and_a_contact_attempt_carries_the_clinics_choice()
    {
        foreach (var chosen in AlertRules.ContactAttemptSeverities)
        {
            Assert.Equal(ConcernSeverity.Imminent, AlertRules.CheckInSeverity(AlertKind.ClientFeelsUnsafe, chosen));
            Assert.Equal(ConcernSeverity.Imminent, AlertRules.CheckInSeverity(AlertKind.QuestionnaireSafetyItem, chosen));
            Assert.Equal(chosen, AlertRules.CheckInSeverity(AlertKind.ContactAttemptReported, chosen));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertRules.CheckInSeverity(AlertKind.ConcernRaised, ConcernSeverity.Moderate));
    }

    [Fact]
    public void A_clinic_rates_contact_attempts_moderate_high_or_imminent()
    {
        Assert.Equal(ConcernSeverity.Imminent, AlertRules.ValidContactAttemptSeverity(ConcernSeverity.Imminent));
        foreach (var refused in new ConcernSeverity?[] { null, ConcernSeverity.Low, (ConcernSeverity)9 })
            Assert.Equal(AlertRules.ContactAttemptSeverityMessage, Assert.Throws<DomainRuleException>(() => AlertRules.ValidContactAttemptSeverity(refused)).Message);
    }

    [Fact]
    public void An_alert_is_acknowledged_once_with_who_and_when()
    {
        var now = DateTimeOffset.UtcNow;
        var clinician = Guid.NewGuid();
        var alert = ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ConcernRaised, ConcernSeverity.Imminent, now, Guid.NewGuid());

        alert.Acknowledge(clinician, now.AddMinutes(5), AlertResponse.CalledClient, null);

        Assert.Equal(clinician, alert.AcknowledgedById);
        Assert.Equal(now.AddMinutes(5), alert.AcknowledgedAt);
        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), now.AddMinutes(6), AlertResponse.NoAnswer, null));
        Assert.Equal(clinician, alert.AcknowledgedById);
    }

    [Fact]
    public void Acknowledging_records_what_was_done_and_refuses_no_choice_or_other_without_a_note()
    {
        var now = DateTimeOffset.UtcNow;
        var alert = ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, now);

        Assert.Equal(ClinicianAlert.ChooseResponse, Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), now, null, "note")).Message);
        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), now, (AlertResponse)42, null));
        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), now, AlertResponse.Other, "   "));
        Assert.Throws<DomainRuleException>(() => alert.Acknowledge(Guid.NewGuid(), now, AlertResponse.CalledClient, new string('x', ClinicianAlert.ResponseNoteMax + 1)));
        Assert.False(alert.IsAcknowledged); // nothing changed by a refusal

        alert.Acknowledge(Guid.NewGuid(), now, AlertResponse.Other, "  Texted the agreed code word; safe at a friend's.  ");

        Assert.Equal((AlertResponse.Other, "Texted the agreed code word; safe at a friend's."), (alert.Response!.Value, alert.ResponseNote));
        Assert.Equal("Other: Texted the agreed code word; safe at a friend's.", SafetyLabels.Of(alert.Response.Value, alert.ResponseNote));
    }

    [Fact]
    public void Every_response_has_its_own_label()
    {
        var labels = Enum.GetValues<AlertResponse>().Select(SafetyLabels.Of).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(Enum.GetValues<AlertResponse>().Where(r => r != AlertResponse.Other), r => Assert.NotEqual(r.ToString(), SafetyLabels.Of(r))); // not the fallback
    }

    [Fact]
    public void Concern_alerts_must_name_their_concern_and_review_alerts_their_date()
    {
        Assert.Throws<DomainRuleException>(() => ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ConcernRaised, ConcernSeverity.High, DateTimeOffset.UtcNow));
        Assert.Throws<DomainRuleException>(() => ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ReviewOverdue, ConcernSeverity.High, DateTimeOffset.UtcNow, Guid.NewGuid()));
        Assert.Null(ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, DateTimeOffset.UtcNow).ConcernId);
    }
}
