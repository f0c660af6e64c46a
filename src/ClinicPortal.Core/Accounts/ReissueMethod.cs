namespace ClinicPortal.Core.Accounts;

/// <summary>How a client gets a (re-issued) sign-in: a link by email, or a code the clinician gives in person when email is not safe.</summary>
public enum ReissueMethod { Email = 0, InPersonCode = 1 }
