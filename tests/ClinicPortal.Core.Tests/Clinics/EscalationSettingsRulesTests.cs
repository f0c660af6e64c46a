using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Clinics;

public sealed class EscalationSettingsRulesTests
{
    private static ClinicSettingsChange Change(int? toBackup, int? toAdmins) =>
        new("Clinic", "America/New_York", "24h, 2h", 20, EscalateAfterMinutes: toBackup, EscalateToAdministratorsAfterMinutes: toAdmins);

    [Fact]
    public void The_defaults_are_15_and_15_and_stay_when_left_out()
    {
        var settings = new ClinicSettings();
        ClinicSettingsRules.Apply(settings, Change(null, null));
        Assert.Equal((15, 15), (settings.EscalateAfterMinutes, settings.EscalateToAdministratorsAfterMinutes));
    }

    [Theory]
    [InlineData(0, 15, "backup")]
    [InlineData(15, 0, "administrators")]
    [InlineData(Escalation.MaxMinutes + 1, 15, "backup")]
    public void Minutes_outside_the_range_are_refused_and_nothing_changes(int toBackup, int toAdmins, string named)
    {
        var settings = new ClinicSettings { Name = "Before" };
        var refused = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings, Change(toBackup, toAdmins)));
        Assert.Contains(named, refused.Message);
        Assert.Equal(("Before", 15, 15), (settings.Name, settings.EscalateAfterMinutes, settings.EscalateToAdministratorsAfterMinutes));
    }

    [Fact]
    public void A_clinic_may_choose_its_own_minutes()
    {
        var settings = new ClinicSettings();
        ClinicSettingsRules.Apply(settings, Change(5, 30));
        Assert.Equal((5, 30), (settings.EscalateAfterMinutes, settings.EscalateToAdministratorsAfterMinutes));
    }
}
