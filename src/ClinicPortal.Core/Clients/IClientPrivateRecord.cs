namespace ClinicPortal.Core.Clients;

/// <summary>
/// Something a client wrote for themself alone (a private journal entry). Only that signed-in client can
/// read it: not their clinician, not an administrator, and not the system scope that jobs, exports and
/// reports run under. It is deliberately not an <see cref="IClinicalRecord"/>, so nothing that walks the
/// clinical record (a report, an export) can pick it up.
/// </summary>
public interface IClientPrivateRecord
{
    Guid ClientId { get; }
}
