
namespace ClinicPortal.Web.Areas.Admin.Staff;

public sealed record StaffPage(IReadOnlyList<StaffRow> Staff, Guid Me);
