using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.StageModels;

public sealed record StageModelRow(StageModel Model, bool InUse);

public sealed record StageModelsPage(IReadOnlyList<StageModelRow> Models, StageModelForm Form);
