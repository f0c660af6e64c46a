using ClinicPortal.Core.Appointments;

namespace ClinicPortal.Web.Areas.Clinician.Requests;

/// <param name="SessionStartsAt">For a move or a cancellation: when the session is booked now.</param>
public sealed record RequestRow(AppointmentRequest Request, DateTimeOffset? SessionStartsAt);

public sealed record ClientRequestsPage(bool ReadOnly, IReadOnlyList<RequestRow> Requests, TimeZoneInfo Zone);
