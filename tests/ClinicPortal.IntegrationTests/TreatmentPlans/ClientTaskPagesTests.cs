using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.TreatmentPlans;

public sealed class ClientTaskPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_clinician_gives_a_task_the_client_ticks_it_off_and_unticks_it_and_the_clinician_sees_each_state()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tilda Task");
        var clientId = login.Client.Id;
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var tasks = $"/clinician/clients/{clientId}/tasks";

        var given = await session.PostFormAsync(tasks, tasks, [new("Title", "Write three reasons of your own"), new("DueOn", TreatmentPlanArrange.Day(5))]);
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Contains("Not yet", await session.GetPageAsync(tasks));
        var taskId = (await TreatmentPlanArrange.TasksAsync(app, clientId)).Single().Id;

        var client = await CheckInArrange.SignedInAsync(app, login);
        Assert.Contains("Write three reasons of your own", await client.GetPageAsync("/client")); // the home card
        Assert.Contains("Write three reasons of your own", await client.GetPageAsync("/client/tasks"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client/tasks", $"/client/tasks/{taskId}/tick", [new("done", "true")])).StatusCode);
        Assert.Contains("Ticked off", await client.GetPageAsync("/client/tasks"));
        var doneAt = (await TreatmentPlanArrange.TasksAsync(app, clientId)).Single().CompletedAt;
        Assert.NotNull(doneAt);
        await client.PostFormAsync("/client/tasks", $"/client/tasks/{taskId}/tick", [new("done", "true")]);
        Assert.Contains("Already ticked off.", await client.GetPageAsync("/client/tasks"));
        Assert.Equal(doneAt, (await TreatmentPlanArrange.TasksAsync(app, clientId)).Single().CompletedAt);
        Assert.Contains("data-testid=\"task-done\">Done", await session.GetPageAsync(tasks));

        await client.PostFormAsync("/client/tasks", $"/client/tasks/{taskId}/tick", [new("done", "false")]);
        Assert.Null((await TreatmentPlanArrange.TasksAsync(app, clientId)).Single().CompletedAt);
        Assert.Contains("data-testid=\"task-done\">Not yet", await session.GetPageAsync(tasks));

        var audit = await Arrange.AuditAsync(app, clientId);
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ClientTask });
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.Update && a.RecordType == AuditRecords.ClientTask && a.UserId == login.UserId));
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.RecordType == AuditRecords.ClientTask && a.UserId == login.UserId);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Write three reasons of your own"));
    }

    [Theory]
    [InlineData("", "2", "The task is required.")]
    [InlineData("Set a filter for unknown callers", null, "Choose a due date for the task.")]
    [InlineData("Set a filter for unknown callers", "-1", "The due date is in the past.")]
    [InlineData("Set a filter for unknown callers", "soon", "Choose a due date for the task.")]
    public async Task A_task_without_words_or_a_due_date_or_due_in_the_past_is_refused_and_nothing_is_saved(string title, string? due, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var tasks = $"/clinician/clients/{client.Id}/tasks";
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);
        var dueField = due switch { null => "", "soon" => "soon", _ => TreatmentPlanArrange.Day(int.Parse(due)) };

        var response = await session.PostFormAsync(tasks, tasks, [new("Title", title), new("DueOn", dueField)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task A_client_cannot_tick_another_clients_task_nor_see_it()
    {
        var mine = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Milo Mine");
        var theirs = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Tara Theirs");
        var theirTask = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, theirs.Client, "Tara's secret");
        var client = await CheckInArrange.SignedInAsync(app, mine);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var tick = await client.PostFormAsync("/client/tasks", $"/client/tasks/{theirTask}/tick", [new("done", "true")]);
        var page = await client.GetPageAsync("/client/tasks");

        Assert.Equal(HttpStatusCode.NotFound, tick.StatusCode);
        Assert.DoesNotContain("Tara&#x27;s secret", page);
        Assert.DoesNotContain("Tara&#x27;s secret", await client.GetPageAsync("/client"));
        Assert.Null((await TreatmentPlanArrange.TasksAsync(app, theirs.Client.Id)).Single().CompletedAt);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task Another_clients_task_id_under_a_clinicians_own_client_is_not_found()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var theirTask = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, theirs, "Riley's client's");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync($"/clinician/clients/{mine.Id}/tasks/{theirTask}/edit")).StatusCode);
        var post = await session.PostFormAsync($"/clinician/clients/{mine.Id}/tasks", $"/clinician/clients/{mine.Id}/tasks/{theirTask}/edit",
            [new("Title", "INJECTED"), new("DueOn", TreatmentPlanArrange.Day(3))]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("INJECTED", (await TreatmentPlanArrange.TasksAsync(app, theirs.Id)).Single().Title);
    }

    [Fact]
    public async Task A_discharged_clients_tasks_are_read_only_for_both_sides()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Dora Discharged");
        var taskId = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, login.Client, "Dora's");
        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {login.Client.Id}");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var tasks = $"/clinician/clients/{login.Client.Id}/tasks";
        var clientPage = await client.GetPageAsync("/client/tasks");
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var give = await session.PostFormAsync(tasks, tasks, [new("Title", "One more"), new("DueOn", TreatmentPlanArrange.Day(3))]);
        await client.Http.PostAsync($"/client/tasks/{taskId}/tick", new FormUrlEncodedContent([new("done", "true"), new("__RequestVerificationToken", await client.TokenFromAsync("/client"))]));

        Assert.Contains(Client.ReadOnlyMessage, await give.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"tick-task\"", clientPage);
        Assert.DoesNotContain("data-testid=\"task-form\"", await session.GetPageAsync(tasks));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }
}
