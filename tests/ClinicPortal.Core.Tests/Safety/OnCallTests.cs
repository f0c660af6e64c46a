using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class OnCallTests
{
    private static readonly Guid Primary = Guid.NewGuid(), OnCallClinician = Guid.NewGuid(), Backup = Guid.NewGuid();

    [Fact]
    public void The_clinician_on_call_comes_before_the_backup()
    {
        Assert.Equal(OnCallClinician, OnCall.FirstStepRecipient(Primary, OnCallClinician, Backup));
        Assert.Equal(OnCallClinician, OnCall.FirstStepRecipient(Primary, OnCallClinician, null));
    }

    [Fact]
    public void With_nobody_on_call_the_backup_then_nobody_the_administrators()
    {
        Assert.Equal(Backup, OnCall.FirstStepRecipient(Primary, null, Backup));
        Assert.Null(OnCall.FirstStepRecipient(Primary, null, null));
    }

    [Fact]
    public void A_clinician_on_call_for_their_own_clients_alert_is_passed_over()
    {
        Assert.Equal(Backup, OnCall.FirstStepRecipient(Primary, Primary, Backup));
        Assert.Null(OnCall.FirstStepRecipient(Primary, Primary, null));
    }

    [Fact]
    public void The_rotas_day_is_the_clinics_day_not_the_utc_one()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var mondayNightInChicago = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero); // Tuesday 03:00 UTC
        Assert.Equal(DayOfWeek.Monday, OnCall.DayAt(mondayNightInChicago, chicago));
        Assert.Equal(DayOfWeek.Tuesday, OnCall.DayAt(mondayNightInChicago, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_rota_names_only_active_clinicians()
    {
        var active = new HashSet<Guid> { OnCallClinician };
        OnCall.CheckRota(new Dictionary<DayOfWeek, Guid> { [DayOfWeek.Monday] = OnCallClinician }, active);
        OnCall.CheckRota(new Dictionary<DayOfWeek, Guid>(), active);
        var refused = Assert.Throws<DomainRuleException>(() =>
            OnCall.CheckRota(new Dictionary<DayOfWeek, Guid> { [DayOfWeek.Monday] = OnCallClinician, [DayOfWeek.Friday] = Backup }, active));
        Assert.Contains("active clinicians", refused.Message);
    }
}
