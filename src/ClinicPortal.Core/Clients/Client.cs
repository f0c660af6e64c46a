using System.Net.Mail;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Clients;

/// <summary>A person in care. Assigned to exactly one primary clinician at a time.</summary>
public sealed class Client
{
    public const int NameMax = 120, PronounsMax = 40, EmailMax = 254, PhoneMax = 40, ConcernMax = 4000;
    public const string ReadOnlyMessage = "This client is discharged; the record is read-only. Re-admit the client to make changes.";

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string? PreferredName { get; private set; }
    public string? Pronouns { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string TimeZoneId { get; private set; } = "";
    public ClientStatus Status { get; private set; }
    public DateOnly IntakeDate { get; private set; }
    /// <summary>Clinical content: never logged, never shown to administrators.</summary>
    public string? PresentingConcern { get; private set; }
    public Guid PrimaryClinicianId { get; private set; }
    /// <summary>The client's own sign-in, once they accepted an invitation.</summary>
    public Guid? UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Client() { }

    public static Client Create(ClientDetails details, Guid clinicianId, DateOnly today, DateTimeOffset now)
    {
        var client = new Client { Id = Guid.NewGuid(), PrimaryClinicianId = clinicianId, Status = ClientStatus.Active, CreatedAt = now };
        client.Apply(details, today, now);
        return client;
    }

    public string DisplayName => Display(FullName, PreferredName);

    /// <summary>How a client is named to staff: the preferred name first, with the full name beside it.</summary>
    public static string Display(string fullName, string? preferredName) => preferredName is null ? fullName : $"{preferredName} ({fullName})";

    public bool IsReadOnly => Status == ClientStatus.Discharged;

    public void Update(ClientDetails details, DateOnly today, DateTimeOffset now)
    {
        EnsureEditable();
        Apply(details, today, now);
    }

    /// <summary>Status is the one thing that can change on a discharged record (re-admission).</summary>
    public void ChangeStatus(ClientStatus status, DateTimeOffset now)
    {
        if (!Enum.IsDefined(status)) throw new DomainRuleException("Choose a valid status.");
        Status = status;
        UpdatedAt = now;
    }

    public void AssignTo(Guid clinicianId, DateTimeOffset now)
    {
        if (clinicianId == Guid.Empty) throw new DomainRuleException("Choose a clinician.");
        PrimaryClinicianId = clinicianId;
        UpdatedAt = now;
    }

    public void LinkAccount(Guid userId, DateTimeOffset now)
    {
        if (UserId is { } existing && existing != userId)
            throw new DomainRuleException("This client already has a different sign-in.");
        UserId = userId;
        UpdatedAt = now;
    }

    /// <summary>Refuses any change to a discharged client's record.</summary>
    public void EnsureEditable()
    {
        if (IsReadOnly)
            throw new DomainRuleException(ReadOnlyMessage);
    }

    private void Apply(ClientDetails d, DateOnly today, DateTimeOffset now)
    {
        var fullName = Guard.Required(d.FullName, "Name", NameMax);
        var preferred = Guard.Optional(d.PreferredName, "Preferred name", NameMax);
        var pronouns = Guard.Optional(d.Pronouns, "Pronouns", PronounsMax);
        var email = Guard.Optional(d.Email, "Email", EmailMax);
        var phone = Guard.Optional(d.Phone, "Phone", PhoneMax);
        var concern = Guard.Optional(d.PresentingConcern, "Presenting concern", ConcernMax);
        var timeZone = Guard.Required(d.TimeZoneId, "Time zone", 64);

        if (email is not null && !IsValidEmail(email))
            throw new DomainRuleException("Email is not a valid address.");
        if (phone is not null && !phone.All(ch => char.IsDigit(ch) || " +-().".Contains(ch)))
            throw new DomainRuleException("Phone may contain only digits, spaces and + - ( ) .");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            throw new DomainRuleException("Time zone is not a known time zone.");
        if (d.IntakeDate is not { } intake)
            throw new DomainRuleException("Intake date is required.");
        if (intake > today)
            throw new DomainRuleException("Intake date cannot be in the future.");
        if (d.DateOfBirth is { } dob && (dob > today || dob < today.AddYears(-120)))
            throw new DomainRuleException("Date of birth must be in the past 120 years.");
        if (d.DateOfBirth is { } born && born > intake)
            throw new DomainRuleException("Date of birth cannot be after the intake date.");

        (FullName, PreferredName, Pronouns, Email, Phone, PresentingConcern, TimeZoneId) =
            (fullName, preferred, pronouns, email?.ToLowerInvariant(), phone, concern, timeZone);
        (DateOfBirth, IntakeDate, UpdatedAt) = (d.DateOfBirth, intake, now);
    }

    public static bool IsValidEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.')
        && !address.Host.EndsWith('.');
}
