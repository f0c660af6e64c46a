using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Auditing;

public sealed class AuditLogTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'nothing'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_apps_database_user_cannot_change_or_remove_audit_rows(string sql)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await session.GetPageAsync($"/clinician/clients/{client.Id}");
        var before = await Arrange.AuditAsync(app, client.Id);
        Assert.NotEmpty(before);

        await using var connection = new NpgsqlConnection(app.ConnectionString); // the same credentials the app uses
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", e.MessageText);
        Assert.Equal(before, await Arrange.AuditAsync(app, client.Id));
    }

    [Fact]
    public async Task Audit_rows_name_who_and_what_but_hold_no_clinical_content()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Pax Private");
        var note = await Arrange.NoteAsync(app, client, signed: true, subjective: "Deeply private words");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await session.GetPageAsync($"/clinician/clients/{client.Id}/notes/{note.Id}");

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(a)::text FROM audit_entries a WHERE client_id = @c", connection);
        command.Parameters.AddWithValue("c", client.Id);
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));

        Assert.Contains(rows, r => r.Contains($"\"action\":\"{AuditActions.View}\"") && r.Contains(note.Id.ToString()) && r.Contains("\"role\":\"clinician\"") && r.Contains("\"ip_address\":"));
        Assert.DoesNotContain(rows, r => r.Contains("Deeply private") || r.Contains("Pax Private") || r.Contains("Confidential concern"));
    }
}
