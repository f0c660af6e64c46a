using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Clinics;

public sealed class DiscreetSettingsRulesTests
{
    private static ClinicSettingsChange Change(string? sender = null, string? reminder = null, string? exit = null, bool? sign = null) =>
        new("Clinic", "America/Chicago", "24h", 20, MessageSenderName: sender, ReminderSubject: reminder, MessagesNameClinic: sign, QuickExitUrl: exit);

    [Fact]
    public void Left_out_wording_keeps_the_neutral_defaults()
    {
        var settings = new ClinicSettings();
        ClinicSettingsRules.Apply(settings, Change());

        Assert.Equal(("Notifications", "Appointment reminder", "A reminder for you", "Your account", false, "https://www.google.com/"),
            (settings.MessageSenderName, settings.ReminderSubject, settings.PromptSubject, settings.AccountSubject, settings.MessagesNameClinic, settings.QuickExitUrl));
    }

    [Fact]
    public void The_clinic_sets_its_words_and_leave_now_address()
    {
        var settings = new ClinicSettings();
        ClinicSettingsRules.Apply(settings, Change(" Front desk ", "See you soon", "https://weather.example.org/today", true));
        Assert.Equal(("Front desk", "See you soon", true, "https://weather.example.org/today"),
            (settings.MessageSenderName, settings.ReminderSubject, settings.MessagesNameClinic, settings.QuickExitUrl));
    }

    [Theory]
    [InlineData("Hi\r\nBcc: someone@example.org", null, null, "Sender name must be one line of text.")]
    [InlineData("   ", null, null, "Sender name is required.")]
    [InlineData(null, "x", "http://weather.example.org/", "starting with https://")]
    [InlineData(null, "x", "javascript:alert(1)", "starting with https://")]
    [InlineData(null, "x", "/relative", "starting with https://")]
    public void Bad_wording_or_an_unsafe_address_is_refused_and_nothing_changes(string? sender, string? reminder, string? exit, string message)
    {
        var settings = new ClinicSettings();
        var refused = Assert.Throws<DomainRuleException>(() => ClinicSettingsRules.Apply(settings, Change(sender, reminder, exit)));

        Assert.Contains(message, refused.Message);
        Assert.Equal(("Notifications", "Appointment reminder", ClinicSettingsRules.DefaultQuickExitUrl), (settings.MessageSenderName, settings.ReminderSubject, settings.QuickExitUrl));
    }
}
