using ClinicPortal.Core.Reminders;

namespace ClinicPortal.Core.Email;

/// <summary>Whether trying the same message again later can succeed.</summary>
public enum DeliveryFailure
{
    /// <summary>The server is down, busy or timed out, or said "try later" (4xx): retry with backoff.</summary>
    Transient,
    /// <summary>The server refused this message or recipient for good (5xx), or the address cannot be used: do not retry.</summary>
    Permanent,
}

/// <summary>
/// A message that was not delivered, in words fit for an administrator's screen, whatever mail library
/// or transport was used. Addresses in the reason are masked, since servers often quote the recipient.
/// </summary>
public sealed class MailDeliveryException(DeliveryFailure failure, string reason, Exception? inner = null)
    : Exception(ReminderPlan.MaskEmailsIn(reason), inner)
{
    public DeliveryFailure Failure { get; } = failure;

    public bool IsTransient => Failure == DeliveryFailure.Transient;
}
