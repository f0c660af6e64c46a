using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Progress;

/// <summary>
/// One entry in the history of which stage model a client follows. The newest entry is the current
/// model; with no entry at all the client follows the default (journey) model.
/// </summary>
public sealed class ClientStageModel : IClinicalRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ModelId { get; private set; }
    public Guid ChangedById { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    private ClientStageModel() { }

    public static ClientStageModel Switch(Client client, Guid currentModelId, StageModel to, Guid changedById, DateTimeOffset now)
    {
        client.EnsureEditable();
        if (to.Id == currentModelId) throw new DomainRuleException($"The client already follows {to.Name}.");
        if (to.IsRetired) throw new DomainRuleException($"{to.Name} is retired; choose a model in use.");
        return new ClientStageModel { Id = Guid.NewGuid(), ClientId = client.Id, ModelId = to.Id, ChangedById = changedById, StartedAt = now };
    }

    /// <summary>The model in force: the newest switch, or the default when there was none.</summary>
    public static Guid CurrentModelId(IEnumerable<ClientStageModel> history) =>
        history.OrderByDescending(h => h.StartedAt).Select(h => (Guid?)h.ModelId).FirstOrDefault() ?? BuiltInStageModels.DefaultModelId;
}
