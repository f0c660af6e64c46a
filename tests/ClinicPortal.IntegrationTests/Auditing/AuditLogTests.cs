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
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    [InlineData("DROP TABLE audit_entries")]
    public async Task The_apps_database_user_cannot_change_or_remove_audit_rows(string sql)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await session.GetPageAsync($"/clinician/clients/{client.Id}");
        var before = await Arrange.AuditAsync(app, client.Id);
        Assert.NotEmpty(before);

        var e = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(app.AppConnectionString, sql)); // the app's own credentials

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        Assert.Equal(before, await Arrange.AuditAsync(app, client.Id));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'nothing'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task Even_the_schema_owner_meets_the_append_only_trigger(string sql)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        await Arrange.NoteAsync(app, client, signed: false);
        var before = await Arrange.AuditAsync(app, client.Id);

        var e = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(app.ConnectionString, sql));

        Assert.Contains("append-only", e.MessageText);
        Assert.Equal(before, await Arrange.AuditAsync(app, client.Id));
    }

    [Theory]
    [InlineData("ALTER TABLE case_notes DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER case_notes_lock_signed ON case_notes")]
    [InlineData("ALTER TABLE clients ADD COLUMN smuggled text")]
    [InlineData("CREATE TABLE smuggled (id int)")]
    [InlineData("TRUNCATE clients CASCADE")]
    [InlineData("CREATE FUNCTION smuggled() RETURNS int LANGUAGE sql AS 'SELECT 1'")]
    [InlineData("DELETE FROM schema_migrations")]
    public async Task The_apps_database_user_cannot_change_the_schema_or_its_triggers(string sql)
    {
        _ = app.Services; // started: migrated and granted
        var e = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(app.AppConnectionString, sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
    }

    [Fact]
    public async Task The_apps_database_user_adds_and_reads_audit_rows_and_is_no_superuser()
    {
        await Arrange.SignedInAsync(app, Arrange.MorganEmail); // a sign-in adds an audit row
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync();
        await using var who = new NpgsqlCommand("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user", connection);
        await using (var reader = await who.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal((false, false, false), (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
    }

    private static async Task RunAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
