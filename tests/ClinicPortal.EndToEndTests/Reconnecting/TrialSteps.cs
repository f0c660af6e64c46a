using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Reconnecting;

/// <summary>Browser steps for the trial-contact plan and the support people it names.</summary>
public static class TrialSteps
{
    public static async Task AddSupportPersonAsync(IPage page, string name, string role)
    {
        await page.GetByTestId("new-support-person").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/support/new$"));
        var form = page.GetByTestId("support-form");
        await form.GetByLabel("Name *", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Type *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Friend" });
        await form.GetByLabel("Role *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        await form.GetByTestId("save-support-person").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{name} added to the support network.");
    }

    /// <summary>Fills the trial form (blank criteria rows are left blank) and saves it.</summary>
    public static async Task FillTrialAsync(IPage page, string standby, params string[] criteria)
    {
        var form = page.GetByTestId("trial-form");
        await form.GetByLabel("Channel *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Phone call" });
        await form.GetByLabel("How often *", new() { Exact = true }).FillAsync("One call a fortnight");
        await form.GetByLabel("First meeting: place *", new() { Exact = true }).FillAsync("A café near work, daytime");
        await form.GetByLabel("First meeting: length in minutes *", new() { Exact = true }).FillAsync("45");
        await form.GetByLabel("Support person on standby *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = standby });
        for (var i = 0; i < 3; i++)
            await form.GetByLabel($"Exit criterion {i + 1}", new() { Exact = true }).FillAsync(i < criteria.Length ? criteria[i] : "");
        await form.GetByTestId("save-trial").ClickAsync();
    }
}
