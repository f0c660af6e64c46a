using System.Text.Json;
using ClinicPortal.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Foundation;

/// <summary>
/// site.css uses no CSS nesting, so a style rule holding other rules means a closing brace went missing
/// (a merge once dropped one after .btn-sign-out, and every rule after it, the client's crisis strip
/// and the print styles included, silently stopped applying).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class StylesheetTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_rule_in_site_css_stands_on_its_own()
    {
        await Page.GotoAsync(PortalPages.SignInPath);
        await Expect(Page.GetByLabel("Email")).ToBeVisibleAsync();

        var sheet = await Page.EvaluateAsync<JsonElement>("""
            () => {
                const sheet = [...document.styleSheets].find(s => s.href && new URL(s.href).pathname === "/css/site.css");
                if (!sheet) return null;
                const nested = [], selectors = [];
                const walk = rules => {
                    for (const rule of rules) {
                        if (rule instanceof CSSStyleRule) {
                            selectors.push(rule.selectorText);
                            if (rule.cssRules.length > 0) nested.push(rule.selectorText + " holds " + rule.cssRules.length + " rule(s), first: " + rule.cssRules[0].cssText.slice(0, 80));
                        }
                        if (rule.cssRules) walk(rule.cssRules);
                    }
                };
                walk(sheet.cssRules);
                return { nested, selectors };
            }
            """);
        Assert.True(sheet.ValueKind == JsonValueKind.Object, "The page did not load /css/site.css.");
        var nested = sheet.GetProperty("nested").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(nested.Count == 0, "site.css has rules inside other rules (a missing '}'?):\n" + string.Join("\n", nested));
        // The last rules of the file are there at the top level too.
        var selectors = sheet.GetProperty("selectors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(".crisis-strip", selectors);
        Assert.Contains(".btn-sign-out", selectors);
        AssertNoBrowserProblems();
    }
}
