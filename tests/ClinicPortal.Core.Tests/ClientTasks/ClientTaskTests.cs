using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.ClientTasks;

public sealed class ClientTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Morgan = Guid.NewGuid();

    private static ClientTask Task(DateOnly? due = null) => ClientTask.Give(Guid.NewGuid(), "Set a filter for unknown callers", due ?? Today.AddDays(7), Morgan, Now, Today);

    [Theory]
    [InlineData(" ", 3, "The task is required.")]
    [InlineData("Write three reasons", null, "Choose a due date for the task.")]
    [InlineData("Write three reasons", -1, "The due date is in the past. Choose today or a later date.")]
    public void A_task_without_words_or_due_date_or_due_in_the_past_is_refused(string title, int? dueInDays, string message) =>
        Assert.Equal(message, Assert.Throws<DomainRuleException>(() =>
            ClientTask.Give(Guid.NewGuid(), title, dueInDays is { } d ? Today.AddDays(d) : null, Morgan, Now, Today)).Message);

    [Fact]
    public void A_task_due_today_is_given_open()
    {
        var task = Task(Today);
        Assert.Equal((Today, (DateTimeOffset?)null, false), (task.DueOn, task.CompletedAt, task.IsOverdue(Today)));
        Assert.True(task.IsOverdue(Today.AddDays(1)));
    }

    [Fact]
    public void Ticking_off_and_unticking_each_keep_a_tick_and_doing_it_again_changes_nothing()
    {
        var task = Task();

        var done = task.Tick(true, Now.AddHours(1));
        Assert.Null(task.Tick(true, Now.AddHours(2)));
        Assert.Equal(Now.AddHours(1), task.CompletedAt);
        var undone = task.Tick(false, Now.AddHours(3));
        Assert.Null(task.Tick(false, Now.AddHours(4)));

        Assert.Equal((true, false), (done!.Done, undone!.Done));
        Assert.Equal((task.Id, task.ClientId), (done.TaskId, done.ClientId));
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void Changing_a_task_keeps_a_due_date_that_has_passed_but_refuses_a_new_one_in_the_past()
    {
        var task = Task(Today.AddDays(1));
        task.Change("Set a filter for unknown numbers", Today.AddDays(1), Today.AddDays(5));
        Assert.Equal("Set a filter for unknown numbers", task.Title);

        Assert.Throws<DomainRuleException>(() => task.Change("Set a filter", Today.AddDays(2), Today.AddDays(5)));
        Assert.Equal(("Set a filter for unknown numbers", Today.AddDays(1)), (task.Title, task.DueOn));
    }

    [Fact]
    public void The_tally_counts_the_tasks_as_they_stood_at_the_end_of_the_period()
    {
        var (start, end) = (Today.AddDays(-14), Today);
        static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var early = (Id: Guid.NewGuid(), Title: "Given before, due in the period", DueOn: Today.AddDays(-10), GivenAt: Now.AddDays(-20));
        var doneThenUndone = (Id: Guid.NewGuid(), Title: "Done, then unticked after the period", DueOn: Today.AddDays(-3), GivenAt: Now.AddDays(-7));
        var open = (Id: Guid.NewGuid(), Title: "Open, not yet due", DueOn: Today.AddDays(3), GivenAt: Now.AddDays(-2));
        var old = (Id: Guid.NewGuid(), Title: "Due and given before the period", DueOn: Today.AddDays(-20), GivenAt: Now.AddDays(-30));
        var later = (Id: Guid.NewGuid(), Title: "Given after the period", DueOn: Today.AddDays(9), GivenAt: Now.AddDays(1));
        var ticks = new[] { (doneThenUndone.Id, true, Now.AddDays(-4)), (doneThenUndone.Id, false, Now.AddDays(2)), (later.Id, true, Now.AddDays(2)) };

        var tally = TaskTally.Of([early, doneThenUndone, open, old, later], ticks, start, end, DayOf);

        Assert.Equal((2, 1, 1), (tally.Given, tally.Done, tally.Overdue));
        Assert.Equal([early.Title, doneThenUndone.Title, open.Title], tally.Tasks.Select(t => t.Title));
        Assert.Equal([true, false, false], tally.Tasks.Select(t => t.Overdue));
        Assert.Equal(Now.AddDays(-4), tally.Tasks[1].DoneAt);
    }
}
