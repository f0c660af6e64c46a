using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.StageModels;

public sealed class StageModelForm
{
    public string? Name { get; set; }
    /// <summary>One stage per line: "Name — description".</summary>
    public string? Stages { get; set; }
    public string? RelapseStage { get; set; }
}
