
namespace ClinicPortal.Web.Areas.Admin.StageModels;

public sealed class StageModelForm
{
    public string? Name { get; set; }
    /// <summary>One stage per line: "Name — description".</summary>
    public string? Stages { get; set; }
    public string? RelapseStage { get; set; }
}
