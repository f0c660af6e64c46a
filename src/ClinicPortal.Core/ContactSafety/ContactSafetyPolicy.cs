using ClinicPortal.Core.Reminders;

namespace ClinicPortal.Core.ContactSafety;

/// <summary>Why a message was held back ("held: contact not safe"). Stored with the outbox row.</summary>
public enum HoldReason
{
    EmailNotSafe = 1,
    MayBeMonitored = 2,
    OutsideSafeTimes = 3,
}

public enum ContactVerdict { Send, Defer, Hold }

/// <summary>The part of a <see cref="ContactSafetyProfile"/> that decides messages.</summary>
public sealed record ContactPermissions(ContactChannels SafeChannels, bool MayBeMonitored, SafeTimes? SafeTimes);

/// <summary>What to do with one message now: send it, try again at <see cref="NotBefore"/>, or hold it for good.</summary>
public sealed record ContactDecision(ContactVerdict Verdict, HoldReason? Reason = null, DateTimeOffset? NotBefore = null)
{
    public static readonly ContactDecision Send = new(ContactVerdict.Send);
    public static ContactDecision Hold(HoldReason reason) => new(ContactVerdict.Hold, reason);
    public static ContactDecision Defer(DateTimeOffset until) => new(ContactVerdict.Defer, null, until);

    public bool Sends => Verdict == ContactVerdict.Send;
}

/// <summary>
/// The one rule every message to a client goes through, decided just before it is sent (the profile may change
/// between queueing and sending). Email is held when the client's inbox or device may be watched or email is not a
/// safe channel; outside the client's safe times a queued message waits for the next safe window if that is still
/// in time, else it is held; a message someone is waiting for now (an invitation, a password reset) is held instead
/// of delayed. No profile recorded means no known risk: the message goes.
/// </summary>
public static class ContactSafetyPolicy
{
    /// <summary>How long a check-in prompt, a new-message notice or a reminder stays worth sending.</summary>
    public static readonly TimeSpan PromptUsefulFor = TimeSpan.FromDays(1);

    /// <param name="sessionStartsAt">For a session reminder: the session's start (a reminder after it is useless).</param>
    /// <param name="profile">The client's permissions; null when no profile is recorded.</param>
    public static ContactDecision Decide(OutboxKind kind, ContactPermissions? profile, DateTimeOffset now, TimeZoneInfo zone,
        DateTimeOffset? sessionStartsAt = null)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown message kind");
        if (profile is null || OutboxKinds.IsToStaff(kind)) return ContactDecision.Send; // the profile governs mail to the client, not to their clinician
        if (profile.MayBeMonitored) return ContactDecision.Hold(HoldReason.MayBeMonitored);
        if (!profile.SafeChannels.HasFlag(ContactChannels.Email)) return ContactDecision.Hold(HoldReason.EmailNotSafe);
        if (profile.SafeTimes is not { } times || times.Contains(now, zone)) return ContactDecision.Send;

        var next = times.NextStart(now, zone);
        DateTimeOffset? deadline = kind switch
        {
            OutboxKind.SessionReminder => sessionStartsAt,
            OutboxKind.CheckInPrompt or OutboxKind.NewMessage or OutboxKind.ClientReminder => now + PromptUsefulFor,
            _ => null, // someone is waiting for it now: never delivered hours later
        };
        return deadline is { } latest && next < latest ? ContactDecision.Defer(next) : ContactDecision.Hold(HoldReason.OutsideSafeTimes);
    }
}

public static class ContactSafetyLabels
{
    /// <summary>What administrators see: the fact, never the reason (the reason says something about the client).</summary>
    public const string Held = "Held: contact not safe";

    /// <summary>What the clinician sees.</summary>
    public static string Of(HoldReason reason) => reason switch
    {
        HoldReason.EmailNotSafe => "email is not a safe way to reach this client",
        HoldReason.MayBeMonitored => "the client's phone, computer or inbox may be watched",
        HoldReason.OutsideSafeTimes => "outside the client's safe times",
        _ => "contact not safe",
    };

    public static string Of(OutboxKind kind) => kind switch
    {
        OutboxKind.SessionReminder => "Appointment reminder",
        OutboxKind.CheckInPrompt => "Check-in prompt",
        OutboxKind.Invitation => "Invitation",
        OutboxKind.PasswordReset => "Password reset",
        OutboxKind.UrgentAlert => "Urgent alert (to staff)",
        OutboxKind.NewMessage => "New message notice",
        OutboxKind.ClientReminder => "Reminder",
        OutboxKind.TransferNotice => "Transfer notice (to staff)",
        OutboxKind.ReachNotice => "Transfer to a new account (to administrators)",
        OutboxKind.StaffReminder => "Reminder (to staff)",
        _ => kind.ToString(),
    };
}
