namespace ClinicPortal.Web.Mvc;

/// <summary>
/// A one-button post that acts on what the page showed (signing a note): only the row's version, so a button pressed in a
/// window opened before another window's save is refused like a stale form (<see cref="IVersionedForm"/>).
/// </summary>
public sealed class VersionForm : IVersionedForm
{
    public uint Version { get; set; }
}
