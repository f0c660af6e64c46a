namespace ClinicPortal.Core.Progress;

/// <summary>One step of a stage model. Position orders the stages: 1 is the earliest.</summary>
public sealed class Stage
{
    public const int NameMax = 60, DescriptionMax = 200;

    public Guid Id { get; private set; }
    public Guid ModelId { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Position { get; private set; }
    /// <summary>Entering this stage is always marked as a regression, wherever it sits in the order.</summary>
    public bool IsRelapse { get; private set; }

    private Stage() { }

    internal Stage(Guid id, Guid modelId, string name, string description, int position, bool isRelapse) =>
        (Id, ModelId, Name, Description, Position, IsRelapse) = (id, modelId, name, description, position, isRelapse);
}
