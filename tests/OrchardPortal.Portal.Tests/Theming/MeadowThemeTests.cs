using OrchardPortal.Core.Theming;
using OrchardPortal.Testing;

namespace OrchardPortal.Portal.Tests.Theming;

public sealed class MeadowThemeTests
{
    private static readonly ThemeOptions Options = new() { Path = RepositoryRoot.Combine("src", "Themes") };

    [Fact]
    public void Meadow_declares_its_settings_with_valid_defaults()
    {
        var theme = new ThemeCatalog(Microsoft.Extensions.Options.Options.Create(Options)).Find("meadow");

        Assert.NotNull(theme);
        Assert.Equal(["theme_color", "background_color", "header_image", "home_text"], theme.Manifest.Settings.Select(s => s.Name));
        Assert.True(ColorContrast.TryParse(theme.Manifest.FindSetting("theme_color")!.Default, out _));
    }

    [Fact]
    public void Every_meadow_view_parses_in_the_strict_theme_environment()
    {
        var catalog = new ThemeCatalog(Microsoft.Extensions.Options.Options.Create(Options));
        var engine = new ThemeEngine(Microsoft.Extensions.Options.Options.Create(Options));
        var theme = catalog.Find("Meadow")!;

        Assert.Superset(
            new HashSet<string> { "Layout", "Home", "Payments", "Invoices", "Estimates", "History", "ServiceNotes", "RequestService", "Documents", "Messages", "SignIn", "NotFound", "Error", "AccessDenied", "Emails/Layout" },
            theme.Views.ToHashSet());
        foreach (var view in theme.Views)
        {
            Assert.Null(engine.Validate(theme.GetViewSource(view)!, view));
        }
    }

    [Fact]
    public void Asset_paths_cannot_leave_the_theme_folder()
    {
        var theme = new ThemeCatalog(Microsoft.Extensions.Options.Options.Create(Options)).Find("Meadow")!;

        Assert.NotNull(theme.FindAsset("meadow.css"));
        Assert.Null(theme.FindAsset("../theme.json"));
        Assert.Null(theme.FindAsset("images/../../theme.json"));
        Assert.Null(theme.FindAsset("/etc/passwd"));
        Assert.Null(theme.FindAsset("missing.css"));
    }
}
