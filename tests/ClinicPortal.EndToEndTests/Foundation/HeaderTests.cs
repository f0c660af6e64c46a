using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Foundation;

/// <summary>The header stays readable for every role: WCAG AA contrast for its text and a Sign out button that looks enabled.</summary>
[Collection(PortalCollection.Name)]
public sealed class HeaderTests(PortalFixture portal) : PortalTest(portal)
{
    private const double TextContrast = 4.5, ControlContrast = 3.0;

    // Contrast as WCAG 2 defines it; the background is the first opaque one up the tree, a
    // translucent text colour is blended over it.
    private const string ContrastScript = """
        els => {
          const parse = c => { const p = c.match(/[\d.]+/g).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = c => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const blend = (c, bg) => ({ r: c.r * c.a + bg.r * (1 - c.a), g: c.g * c.a + bg.g * (1 - c.a), b: c.b * c.a + bg.b * (1 - c.a) });
          const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
          return els.map(el => {
            const style = getComputedStyle(el), bg = background(el), outside = background(el.parentElement);
            return {
              name: el.getAttribute('data-testid') || el.textContent.trim(),
              text: ratio(blend(parse(style.color), bg), bg),
              border: ratio(blend(parse(style.borderTopColor), outside), outside),
              opacity: Number(style.opacity),
            };
          });
        }
        """;

    /// <summary>What <see cref="ContrastScript"/> measures for one element (settable: Playwright fills it in).</summary>
    public sealed class Contrast
    {
        public string Name { get; set; } = "";
        public double Text { get; set; }
        public double Border { get; set; }
        public double Opacity { get; set; }
    }

    [Theory]
    [InlineData(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword)]
    [InlineData(DemoLogins.AdminEmail, DemoLogins.AdminPassword)]
    [InlineData(DemoLogins.JordanEmail, DemoLogins.ClientPassword)]
    public async Task Header_text_and_sign_out_have_good_contrast(string email, string password)
    {
        await SignInAsync(email, password);
        await Expect(Page.GetByTestId("sign-out")).ToBeVisibleAsync();

        var header = Page.Locator("header nav");
        var texts = await header.Locator(".navbar-brand, .nav-link, [data-testid=who], [data-testid=sign-out]")
            .EvaluateAllAsync<Contrast[]>(ContrastScript);
        Assert.True(texts.Length >= 4, $"Expected the brand, the links, the user and Sign out; found {texts.Length}");
        Assert.All(texts, t => Assert.True(t.Text >= TextContrast, $"'{t.Name}' has text contrast {t.Text:0.00}:1 (needs {TextContrast}:1)"));

        var signOut = Assert.Single(texts, t => t.Name == "sign-out");
        Assert.True(signOut.Border >= ControlContrast, $"Sign out's border has contrast {signOut.Border:0.00}:1 against the header (needs {ControlContrast}:1)");
        Assert.Equal(1, signOut.Opacity);
        await Expect(Page.GetByTestId("sign-out")).ToBeEnabledAsync();
        AssertNoBrowserProblems();
    }
}
