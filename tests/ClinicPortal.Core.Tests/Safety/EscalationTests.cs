using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class EscalationTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan N = TimeSpan.FromMinutes(15), M = TimeSpan.FromMinutes(10);

    private static EscalationLevel? Due(EscalationLevel level, DateTimeOffset now, DateTimeOffset? escalatedAt = null,
        ConcernSeverity severity = ConcernSeverity.Imminent, DateTimeOffset? acknowledged = null) =>
        Escalation.DueStep(severity, acknowledged, Raised, level, escalatedAt, now, N, M);

    [Fact]
    public void An_unacknowledged_imminent_alert_goes_to_the_backup_after_N_then_to_the_administrators_after_M_more()
    {
        Assert.Null(Due(EscalationLevel.None, Raised.AddMinutes(15).AddSeconds(-1)));
        Assert.Equal(EscalationLevel.Backup, Due(EscalationLevel.None, Raised.AddMinutes(15)));
        var stepped = Raised.AddMinutes(16);
        Assert.Null(Due(EscalationLevel.Backup, stepped.AddMinutes(10).AddSeconds(-1), stepped));
        Assert.Equal(EscalationLevel.Administrators, Due(EscalationLevel.Backup, stepped.AddMinutes(10), stepped));
        Assert.Null(Due(EscalationLevel.Administrators, stepped.AddDays(1), stepped)); // the top: nothing further
    }

    [Fact]
    public void Acknowledged_or_less_than_imminent_alerts_never_escalate()
    {
        Assert.Null(Due(EscalationLevel.None, Raised.AddHours(5), acknowledged: Raised.AddMinutes(3)));
        Assert.Null(Due(EscalationLevel.None, Raised.AddHours(5), severity: ConcernSeverity.High));
    }

    [Fact]
    public void A_backup_is_another_active_clinician()
    {
        var me = Guid.NewGuid();
        Assert.Contains("your own", Assert.Throws<DomainRuleException>(() => Escalation.CheckBackup(me, me, true)).Message);
        Assert.Contains("active clinician", Assert.Throws<DomainRuleException>(() => Escalation.CheckBackup(me, Guid.NewGuid(), false)).Message);
        Escalation.CheckBackup(me, Guid.NewGuid(), true);
    }

    [Fact]
    public void An_alert_only_moves_up_and_not_once_acknowledged()
    {
        var alert = ClinicianAlert.Raise(Guid.NewGuid(), AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent, Raised);
        alert.Escalate(EscalationLevel.Backup, Raised.AddMinutes(15));
        Assert.Throws<InvalidOperationException>(() => alert.Escalate(EscalationLevel.Backup, Raised.AddMinutes(20)));
        alert.Acknowledge(Guid.NewGuid(), Raised.AddMinutes(21), AlertResponse.CalledClient, null);
        Assert.Throws<InvalidOperationException>(() => alert.Escalate(EscalationLevel.Administrators, Raised.AddMinutes(30)));
        Assert.Equal((EscalationLevel.Backup, Raised.AddMinutes(15)), (alert.EscalationLevel, alert.EscalatedAt!.Value));
    }

    [Fact]
    public void An_escalation_notice_names_its_alert_in_its_key_and_no_other_key_does()
    {
        var alert = Guid.NewGuid();
        var notice = ClinicPortal.Core.Reminders.OutboxMessage.Escalation(alert, Guid.NewGuid(), 1, Guid.NewGuid(), Raised);
        Assert.Equal(alert, ClinicPortal.Core.Reminders.OutboxMessage.AlertIdOfEscalation(notice.Key));
        Assert.Null(ClinicPortal.Core.Reminders.OutboxMessage.AlertIdOfEscalation(ClinicPortal.Core.Reminders.OutboxMessage.UrgentAlert(alert, Guid.NewGuid(), Guid.NewGuid(), Raised).Key));
        Assert.Null(ClinicPortal.Core.Reminders.OutboxMessage.AlertIdOfEscalation("escalation:short"));
    }
}
