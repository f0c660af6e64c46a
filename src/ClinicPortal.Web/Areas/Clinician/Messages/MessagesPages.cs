using ClinicPortal.Infrastructure.Messages;

namespace ClinicPortal.Web.Areas.Clinician.Messages;

public sealed record ClinicianThreadPage(bool ReadOnly, IReadOnlyList<ThreadMessage> Messages, string? Draft, string ReplyTime, TimeZoneInfo Zone);
