using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Progress;

/// <summary>Stage-progression data straight in the database, and row counts for "nothing saved" checks.</summary>
internal static class ProgressArrange
{
    public static Guid Stage(StageModel model, string name) => model.Stages.Single(s => s.Name == name).Id;

    /// <summary>The clinic's today, as the app sees it (its time zone, not the test machine's).</summary>
    public static async Task<DateOnly> TodayAsync(ClinicAppFactory app)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().TodayAsync();
    }

    public static async Task<StageAssessment> AssessmentAsync(ClinicAppFactory app, Client client, StageModel model, string stage, DateOnly date, string evidence = "Seen in session")
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var assessment = StageAssessment.Record(client, model, Stage(model, stage), date, evidence, null, null, client.PrimaryClinicianId,
            await TodayAsync(app), DateTimeOffset.UtcNow);
        db.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    }

    /// <summary>Row counts of every table this feature writes.</summary>
    public static async Task<string> CountsAsync(ClinicAppFactory app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM stage_assessments) || '/' || (SELECT count(*) FROM client_stage_models) || '/' ||
                   (SELECT count(*) FROM stage_models) || '/' || (SELECT count(*) FROM stages) || '/' ||
                   (SELECT count(*) FILTER (WHERE retired_at IS NOT NULL) FROM stage_models)
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static IEnumerable<KeyValuePair<string, string>> Assessment(DateOnly date, Guid stageId, string evidence = "Reported in session", Guid? noteId = null) =>
        [new("AssessedOn", date.ToString("yyyy-MM-dd")), new("StageId", stageId.ToString()), new("Evidence", evidence),
         new("NoteId", noteId?.ToString() ?? "")];
}
