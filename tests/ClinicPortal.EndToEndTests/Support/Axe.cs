using System.Text.Json;
using Microsoft.Playwright;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>
/// Runs axe-core (npm, installed by scripts/setup.sh into src/ClinicPortal.Web/node_modules) in a page and
/// returns its serious and critical violations, one readable line each.
/// </summary>
public static class Axe
{
    public static string ScriptPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln"))) dir = dir.Parent;
            var path = dir is null ? null : Path.Combine(dir.FullName, "src", "ClinicPortal.Web", "node_modules", "axe-core", "axe.min.js");
            return path is not null && File.Exists(path)
                ? path
                : throw new InvalidOperationException("axe-core is not installed: run scripts/setup.sh (it runs npm ci in src/ClinicPortal.Web).");
        }
    }

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ["violations"] });
                return result.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5) }));
            }
            """);
        return json.EnumerateArray()
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} " +
                $"[{string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}]")
            .ToList();
    }
}
