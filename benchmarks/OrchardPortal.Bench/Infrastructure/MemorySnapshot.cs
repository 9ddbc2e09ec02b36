using System.Diagnostics;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>This process's memory after a full, compacting, blocking collection.</summary>
internal sealed record MemorySnapshot(int Tenants, long GcHeapBytes, long LiveBytes, long WorkingSetBytes, long PrivateBytes, int OpenFiles, int OpenTenantDatabases)
{
    public static MemorySnapshot Take(int tenants)
    {
        // Twice, with finalizers in between: objects kept alive only by a finalizer go in the second pass.
        for (var pass = 0; pass < 2; pass++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemorySnapshot(
            tenants,
            info.HeapSizeBytes,
            GC.GetTotalMemory(forceFullCollection: false),
            process.WorkingSet64,
            process.PrivateMemorySize64,
            CountOpenFiles(target => true),
            CountOpenFiles(target => target.EndsWith("portal.db", StringComparison.Ordinal)));
    }

    public override string ToString() =>
        $"{Tenants,5} tenants: GC heap {Fmt.Mb(GcHeapBytes)}, live objects {Fmt.Mb(LiveBytes)}, working set {Fmt.Mb(WorkingSetBytes)}, private {Fmt.Mb(PrivateBytes)}, open fds {OpenFiles} (tenant SQLite files {OpenTenantDatabases})";

    private static int CountOpenFiles(Func<string, bool> target)
    {
        try
        {
            return Directory.GetFileSystemEntries("/proc/self/fd").Count(fd => new FileInfo(fd).LinkTarget is { } link && target(link));
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
