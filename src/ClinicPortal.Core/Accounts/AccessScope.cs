namespace ClinicPortal.Core.Accounts;

public enum AccessKind
{
    /// <summary>Nobody signed in: sees no client data at all.</summary>
    Anonymous = 0,
    /// <summary>Sees and changes only the clients assigned to them, and those clients' records.</summary>
    Clinician = 1,
    /// <summary>Sees client identities for assignment, never clinical content.</summary>
    Admin = 2,
    /// <summary>Sees only their own client record and what has been shared with them.</summary>
    Client = 3,
    /// <summary>Start-up, seeding and background jobs: unrestricted, never tied to a request.</summary>
    System = 4,
}

/// <summary>
/// Supplies the scope at the moment a query runs. A request's user is only known after
/// authentication, which already uses the database, so the scope must not be captured earlier.
/// </summary>
public interface IAccessScopeSource
{
    AccessScope Current { get; }
}

/// <summary>
/// Who the data layer is answering. The database context applies it as query filters,
/// so a clinician cannot read another clinician's client even if a controller forgets to check.
/// </summary>
public sealed record AccessScope(AccessKind Kind, Guid UserId) : IAccessScopeSource
{
    /// <summary>A fixed scope is its own source (start-up, jobs, tools).</summary>
    public AccessScope Current => this;

    public static readonly AccessScope Anonymous = new(AccessKind.Anonymous, Guid.Empty);
    public static readonly AccessScope System = new(AccessKind.System, Guid.Empty);

    public static AccessScope ForRoles(Guid userId, Func<string, bool> isInRole) =>
        isInRole(Roles.Clinician) ? new(AccessKind.Clinician, userId)
        : isInRole(Roles.Admin) ? new(AccessKind.Admin, userId)
        : isInRole(Roles.Client) ? new(AccessKind.Client, userId)
        : Anonymous;

    public bool ReadsClinicalContent => Kind is AccessKind.Clinician or AccessKind.System;
}
