namespace ClinicPortal.Core.Clients;

public enum ClientStatus
{
    Active = 0,
    OnHold = 1,
    /// <summary>The record stays, read-only, until the client is re-admitted.</summary>
    Discharged = 2,
}
