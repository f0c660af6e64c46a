using ClinicPortal.Core.Appointments;

namespace ClinicPortal.Web.Areas.Clinician.Availability;

public sealed record AvailabilityPage(IReadOnlyList<AvailabilityWindow> Windows, AvailabilityForm Form, string ZoneId);
