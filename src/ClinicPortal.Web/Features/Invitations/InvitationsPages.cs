using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Invitations;

public sealed record StaffAcceptPage(SetPasswordForm Form, string DisplayName, string Email);
