namespace ClinicPortal.Core.Common;

/// <summary>
/// A request that breaks a domain rule (signing a signed note, an intake date in the future...).
/// The message is written for the person at the keyboard and is safe to show on the page.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
