using ClinicPortal.Web.Features.Account;

namespace ClinicPortal.Web.Features.Invitations;

public sealed record StaffAcceptPage(SetPasswordForm Form, string DisplayName, string Email);
