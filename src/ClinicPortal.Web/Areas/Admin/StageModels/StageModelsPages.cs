using ClinicPortal.Core.Progress;

namespace ClinicPortal.Web.Areas.Admin.StageModels;

public sealed record StageModelRow(StageModel Model, bool InUse);

public sealed record StageModelsPage(IReadOnlyList<StageModelRow> Models, StageModelForm Form);
