using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Availability;

/// <summary>One weekly window as typed, in the clinic's time zone.</summary>
public sealed class AvailabilityForm
{
    [BindingMessage("Choose a day of the week.")]
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    [BindingMessage("Choose the time the window opens.")]
    public TimeOnly? Opens { get; set; } = new(9, 0);
    [BindingMessage("Choose the time the window closes.")]
    public TimeOnly? Closes { get; set; } = new(12, 0);
}
