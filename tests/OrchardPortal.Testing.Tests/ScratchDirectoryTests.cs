namespace OrchardPortal.Testing.Tests;

public sealed class ScratchDirectoryTests
{
    [Fact]
    public void Scratch_directories_are_new_empty_and_under_one_process_root()
    {
        var first = ScratchDirectory.Create("app-data");
        var second = ScratchDirectory.Create("app-data");

        Assert.NotEqual(first, second);
        Assert.Empty(Directory.EnumerateFileSystemEntries(first));
        Assert.Equal(ScratchDirectory.Root, Path.GetDirectoryName(first));
        Assert.StartsWith(Path.GetTempPath(), ScratchDirectory.Root, StringComparison.Ordinal);
    }
}
