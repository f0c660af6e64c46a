namespace ClinicPortal.Web.Mvc;

/// <summary>
/// A form that edits an existing row carries the version of the row it was loaded with (Infrastructure's
/// <c>RowVersion</c>) in a hidden field (<c>Views/Shared/_Version</c>). The controller stamps it with
/// <see cref="PortalController.Versioned"/> and checks it with <see cref="PortalController.ExpectVersion"/>, so a save
/// from a window opened before another window's save is refused rather than written over the newer version.
/// </summary>
public interface IVersionedForm
{
    uint Version { get; set; }
}
