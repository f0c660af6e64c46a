namespace ClinicPortal.Core.Accounts;

/// <summary>The person (or job) behind the current operation, as the audit log records them.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    string Role { get; }
    string? IpAddress { get; }
}
