using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.ClientSpace.Appointments;

public sealed record MySession(Guid Id, DateTimeOffset StartsAt, SessionModality Modality);

/// <param name="Offered">The times the client may request, in the clinician's weekly availability past the notice period.</param>
public sealed record AppointmentsPage(bool ReadOnly, IReadOnlyList<MySession> Sessions, IReadOnlyList<AppointmentRequest> Requests,
    IReadOnlyList<DateTimeOffset> Offered, int NoticeHours, TimeZoneInfo Zone)
{
    public string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString("dddd d MMMM, HH:mm");

    public string Value(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString(AppointmentsController.TimeFormat);
}
