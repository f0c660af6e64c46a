namespace ClinicPortal.Core.Clients;

/// <summary>
/// A row of clinical content about one client. The database context filters every such table so
/// only the client's assigned clinician (and system jobs) can read it; administrators and clients never do.
/// </summary>
public interface IClinicalRecord
{
    Guid ClientId { get; }
}

/// <summary>
/// Clinical content the client may also see about themself (their check-ins, items shared with them).
/// Readable by the assigned clinician and by that client only; queries for the client narrow it further.
/// </summary>
public interface IClientVisibleRecord : IClinicalRecord;
