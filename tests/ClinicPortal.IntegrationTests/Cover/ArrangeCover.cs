using ClinicPortal.Core.Clients;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Cover;

/// <summary>Covers written straight into the database, with any dates (the pages refuse past ones).</summary>
internal static class ArrangeCover
{
    /// <summary>A cover of <paramref name="client"/> by <paramref name="coveringId"/>, given by the client's clinician.</summary>
    public static async Task<Guid> GrantAsync(ClinicAppFactory app, Client client, Guid coveringId, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset? revokedAt = null)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO cover_grants (id, client_id, grantor_clinician_id, covering_clinician_id, starts_on, ends_on, starts_at, ends_at,
                                      granted_by_id, granted_at, revoked_at, revoked_by_id)
            VALUES (@id, @client, @grantor, @covering, @startsOn, @endsOn, @startsAt, @endsAt, @grantor, @startsAt, @revokedAt,
                    CASE WHEN @revokedAt IS NULL THEN NULL ELSE @grantor END)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("client", client.Id);
        command.Parameters.AddWithValue("grantor", client.PrimaryClinicianId);
        command.Parameters.AddWithValue("covering", coveringId);
        command.Parameters.AddWithValue("startsOn", DateOnly.FromDateTime(startsAt.UtcDateTime));
        command.Parameters.AddWithValue("endsOn", DateOnly.FromDateTime(endsAt.UtcDateTime));
        command.Parameters.AddWithValue("startsAt", startsAt);
        command.Parameters.AddWithValue("endsAt", endsAt);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("revokedAt", revokedAt));
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
