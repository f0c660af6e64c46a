using ClinicPortal.Infrastructure.Messages;
using ClinicPortal.Web.Areas.ClientSpace.Unsafe;

namespace ClinicPortal.Web.Areas.ClientSpace.Messages;

public sealed record ClientThreadPage(bool ReadOnly, IReadOnlyList<ThreadMessage> Messages, string? Draft, string ReplyTime,
    IReadOnlyList<CrisisLine> CrisisLines, TimeZoneInfo Zone);
