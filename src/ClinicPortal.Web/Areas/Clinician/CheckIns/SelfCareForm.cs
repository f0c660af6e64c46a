using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>The client's self-care checklist, one item per line.</summary>
public sealed class SelfCareForm : IVersionedForm
{
    public string? Items { get; set; }
    public uint Version { get; set; }
}
