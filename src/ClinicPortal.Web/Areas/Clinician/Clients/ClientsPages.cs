namespace ClinicPortal.Web.Areas.Clinician.Clients;

/// <summary>An in-person code, shown once to the clinician (never stored, never mailed) with the address it works with.</summary>
public sealed record SignInCodePage(Guid ClientId, string Code, string Email, TimeSpan ValidFor);
