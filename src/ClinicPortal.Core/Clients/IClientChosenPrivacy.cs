namespace ClinicPortal.Core.Clients;

/// <summary>
/// Client-visible clinical content the client may keep to themself, one row at a time (an incident entry). While
/// <see cref="IsPrivate"/> is set, only the owning client reads the row: no clinician, administrator or system scope
/// (jobs, reports, exports made by staff) does. Once it is not private it reaches the clinician like any
/// <see cref="IClientVisibleRecord"/>. Rows that hang off such a row are filtered through it.
/// </summary>
public interface IClientChosenPrivacy : IClientVisibleRecord
{
    bool IsPrivate { get; }
}
