using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Invitations;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin.Staff;

public sealed record StaffPage(IReadOnlyList<StaffRow> Staff, Guid Me);
