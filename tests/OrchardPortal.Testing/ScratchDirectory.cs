namespace OrchardPortal.Testing;

/// <summary>
/// Temp directories for tests (App_Data roots, uploads, exports) that are deleted when the test
/// process exits, even if it is killed, so a run never leaves files in /tmp.
/// </summary>
public static class ScratchDirectory
{
    private static readonly Lazy<string> ProcessRoot = new(CreateProcessRoot, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>This process's root for scratch directories, e.g. <c>/tmp/orchardportal-scratch-XXXX</c>.</summary>
    public static string Root => ProcessRoot.Value;

    /// <summary>Creates a new, empty directory <c>{Root}/{prefix}-{guid}</c> and returns its path.</summary>
    public static string Create(string prefix = "test")
    {
        var path = Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateProcessRoot()
    {
        var root = Directory.CreateTempSubdirectory("orchardportal-scratch-").FullName;
        ExitCleanup.Register(
            () =>
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            },
            $"rm -rf {ExitCleanup.Quote(root)}");
        return root;
    }
}
