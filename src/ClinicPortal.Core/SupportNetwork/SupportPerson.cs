using System.Linq.Expressions;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.SupportNetwork;

public enum SupportType
{
    Professional = 0,
    Friend = 1,
    Family = 2,
    SupportGroup = 3,
    OnlineGroup = 4,
    Helpline = 5,
}

/// <summary>What a person means for the client's boundary. Only the clinician ever sees the role.</summary>
public enum SupportRole
{
    /// <summary>Can be called; some are crisis contacts.</summary>
    Supportive = 0,
    /// <summary>Connected to both sides.</summary>
    MutualNeutral = 1,
    /// <summary>May relay information to the other person or pressure the client to return.</summary>
    Risk = 2,
    Unknown = 3,
}

/// <summary>What a clinician enters for a person or group in the support network.</summary>
public sealed record SupportPersonDetails(
    string? Name,
    string? Relationship,
    SupportType Type,
    SupportRole Role,
    bool IsCrisisContact,
    string? Phone,
    string? Email,
    string? Notes,
    Guid? BoundaryId,
    bool SharedWithClient);

/// <summary>
/// A person or group around the client. A risk contact is never a crisis contact and never shown to
/// the client; only supportive contacts can be either.
/// </summary>
public sealed class SupportPerson : IClientVisibleRecord
{
    public const int NameMax = 120, RelationshipMax = 80, PhoneMax = 40, EmailMax = 254, NotesMax = 2000;

    public const string RiskCrisisMessage =
        "A risk contact can never be a crisis contact: they may pass information to the other person or pressure the client to return. "
        + "Untick 'crisis contact' or change the role.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Relationship { get; private set; }
    public SupportType Type { get; private set; }
    public SupportRole Role { get; private set; }
    public bool IsCrisisContact { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>The clinician's notes; never shown to the client.</summary>
    public string? Notes { get; private set; }
    /// <summary>The boundary this person relates to (e.g. the ex-partner's best friend), if any.</summary>
    public Guid? BoundaryId { get; private set; }
    public bool SharedWithClient { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private SupportPerson() { }

    public static SupportPerson Create(Guid clientId, SupportPersonDetails details, DateTimeOffset now)
    {
        var person = new SupportPerson { Id = Guid.NewGuid(), ClientId = clientId, CreatedAt = now };
        person.Apply(details, now);
        return person;
    }

    /// <summary>Saves the details; a new role is returned as a change to keep in the person's history (null when the role stayed).</summary>
    public SupportRoleChange? Update(SupportPersonDetails details, Guid byId, DateTimeOffset now)
    {
        var before = Role;
        Apply(details, now);
        return Role == before ? null : new SupportRoleChange(this, before, byId, now);
    }

    /// <summary>The one rule for what a client may see of their network: shared, supportive people only.</summary>
    public static readonly Expression<Func<SupportPerson, bool>> VisibleToClient =
        p => p.SharedWithClient && p.Role == SupportRole.Supportive;

    private static readonly Func<SupportPerson, bool> IsVisible = VisibleToClient.Compile();

    public bool IsVisibleToClient => IsVisible(this);

    private void Apply(SupportPersonDetails d, DateTimeOffset now)
    {
        var name = Guard.Required(d.Name, "Name", NameMax);
        var relationship = Guard.Optional(d.Relationship, "Relationship", RelationshipMax);
        var phone = Guard.Optional(d.Phone, "Phone", PhoneMax);
        var email = Guard.Optional(d.Email, "Email", EmailMax);
        var notes = Guard.Optional(d.Notes, "Notes", NotesMax);
        if (!Enum.IsDefined(d.Type)) throw new DomainRuleException("Choose a type.");
        if (!Enum.IsDefined(d.Role)) throw new DomainRuleException("Choose a role.");
        if (email is not null && !Client.IsValidEmail(email)) throw new DomainRuleException("Email is not a valid address.");
        if (phone is not null && !phone.All(ch => char.IsDigit(ch) || " +-().".Contains(ch)))
            throw new DomainRuleException("Phone may contain only digits, spaces and + - ( ) .");

        if (d.IsCrisisContact)
        {
            if (d.Role == SupportRole.Risk) throw new DomainRuleException(RiskCrisisMessage);
            if (d.Role != SupportRole.Supportive) throw new DomainRuleException("Only supportive contacts can be crisis contacts.");
            if (phone is null) throw new DomainRuleException("A crisis contact needs a phone number.");
        }
        if (d.SharedWithClient && d.Role != SupportRole.Supportive)
            throw new DomainRuleException(d.Role == SupportRole.Risk
                ? "A risk contact is never shown to the client. Untick 'share with client' or change the role."
                : "Only supportive contacts can be shared with the client.");

        (Name, Relationship, Type, Role, IsCrisisContact) = (name, relationship, d.Type, d.Role, d.IsCrisisContact);
        (Phone, Email, Notes, BoundaryId, SharedWithClient) = (phone, email?.ToLowerInvariant(), notes, d.BoundaryId, d.SharedWithClient);
        UpdatedAt = now;
    }
}

public static class SupportLabels
{
    public static string Of(SupportType value) => value switch
    {
        SupportType.Professional => "Professional",
        SupportType.Friend => "Friend",
        SupportType.Family => "Family",
        SupportType.SupportGroup => "Support group",
        SupportType.OnlineGroup => "Online group",
        SupportType.Helpline => "Helpline",
        _ => value.ToString(),
    };

    public static string Of(SupportRole value) => value switch
    {
        SupportRole.Supportive => "Supportive",
        SupportRole.MutualNeutral => "Mutual / neutral",
        SupportRole.Risk => "Risk",
        SupportRole.Unknown => "Unknown",
        _ => value.ToString(),
    };
}
