using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Measures;

/// <summary>Questionnaires straight in the database (system scope), and what the tests read back.</summary>
internal static class MeasuresArrange
{
    /// <summary>A questionnaire given by the client's clinician, open (due now).</summary>
    public static async Task<MeasureResponse> GivenAsync(ClinicAppFactory app, Client client, string code = Instruments.Phq9Code, DateTimeOffset? at = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        var response = MeasureResponse.Give(tracked, code, tracked.PrimaryClinicianId, at ?? DateTimeOffset.UtcNow);
        db.Add(response);
        await db.SaveChangesAsync();
        return response;
    }

    /// <summary>A questionnaire given and sent back at <paramref name="at"/> with these answers.</summary>
    public static async Task<MeasureResponse> SentAsync(ClinicAppFactory app, Client client, string code, int?[] answers, DateTimeOffset at)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        var response = MeasureResponse.Give(tracked, code, tracked.PrimaryClinicianId, at.AddHours(-1));
        response.Submit(answers, at);
        db.Add(response);
        await db.SaveChangesAsync();
        return response;
    }

    /// <summary>A sent PHQ-9 with the clinician's note, and a schedule: every piece of a client's questionnaires, for walks.</summary>
    public static async Task<(Guid Response, Guid Schedule)> SentWithNoteAsync(ClinicAppFactory app, Client client, string note)
    {
        var sent = await SentAsync(app, client, Instruments.Phq9Code, [1, 1, 1, 0, 0, 0, 0, 0, 0], DateTimeOffset.UtcNow.AddDays(-2));
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var tracked = await db.Clients.SingleAsync(c => c.Id == client.Id);
        var schedule = MeasureSchedule.Create(tracked, Instruments.Gad7Code, ScheduleKind.EveryWeeks, 4, false, tracked.PrimaryClinicianId, DateTimeOffset.UtcNow.AddDays(-1));
        db.AddRange(MeasureNote.Add(sent, tracked.PrimaryClinicianId, note, DateTimeOffset.UtcNow), schedule);
        await db.SaveChangesAsync();
        return (sent.Id, schedule.Id);
    }

    public static async Task<MeasureResponse> ReloadAsync(ClinicAppFactory app, Guid responseId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<MeasureResponse>().AsNoTracking().SingleAsync(r => r.Id == responseId);
    }

    public static async Task<List<MeasureResponse>> ResponsesAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<MeasureResponse>().AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.AssignedAt).ToListAsync();
    }

    public static async Task<MeasureSignal> SignalAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ClientSummary>().Where(s => s.ClientId == clientId).Select(s => s.MeasureSignal).SingleAsync();
    }

    /// <summary>Answers as the form posts them: <c>Answers[i]</c> for each given value, none for a null.</summary>
    public static List<KeyValuePair<string, string>> Form(IEnumerable<int?> answers, bool saveOnly = false)
    {
        var fields = answers.Select((a, i) => (a, i)).Where(x => x.a is not null).Select(x => new KeyValuePair<string, string>($"Answers[{x.i}]", x.a!.ToString()!)).ToList();
        if (saveOnly) fields.Add(new("SaveOnly", "true"));
        return fields;
    }
}
