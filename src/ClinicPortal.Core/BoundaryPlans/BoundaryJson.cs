using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>
/// The JSON form of boundary lists and revision snapshots: enums by name, so stored snapshots stay
/// readable and survive new enum members.
/// </summary>
public static class BoundaryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException("Stored boundary JSON was empty.");

    public static BoundarySnapshot ReadSnapshot(string json)
    {
        var s = Read<BoundarySnapshot>(json);
        // Snapshots written before a list existed come back with null lists.
        return s with
        {
            Channels = s.Channels ?? [], Reasons = s.Reasons ?? [], Conditions = s.Conditions ?? [], Preparation = s.Preparation ?? [],
        };
    }
}
