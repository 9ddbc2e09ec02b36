namespace OrchardPortal.Testing;

/// <summary>Locates the checkout the tests were built from.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>
    /// The directory holding <c>OrchardPortal.sln</c>, found by walking up from the test
    /// assembly's folder (tests run from <c>tests/X/bin/Release/net10.0/</c>); falls back to the
    /// current directory when the assembly was copied elsewhere.
    /// </summary>
    public static string Path => Root.Value;

    /// <summary>A path inside the repository, e.g. <c>Combine("tools", "maildev")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrchardPortal.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
