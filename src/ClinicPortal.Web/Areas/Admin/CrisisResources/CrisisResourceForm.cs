using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Admin.CrisisResources;

public sealed class CrisisResourceForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? TextNumber { get; set; }
    public string? TextKeyword { get; set; }
    public string? Url { get; set; }
    public string? WhenToUse { get; set; }
    public int SortOrder { get; set; } = 100;
    /// <summary>An unticked box posts nothing, so the default must be false.</summary>
    public bool IsActive { get; set; }

    public static CrisisResourceForm From(CrisisResource r) => new()
    {
        Name = r.Name, Phone = r.Phone, TextNumber = r.TextNumber, TextKeyword = r.TextKeyword, Url = r.Url, WhenToUse = r.WhenToUse, SortOrder = r.SortOrder, IsActive = r.IsActive,
    };
}
