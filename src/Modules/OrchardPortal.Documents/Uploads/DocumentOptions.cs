namespace OrchardPortal.Documents.Uploads;

/// <summary>Upload limits, from the <c>Documents</c> configuration section (same for every tenant).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The largest file anyone may upload; 10 MB unless configured.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How much of a request the server reads before giving up. Bigger than the file limit, so a file
    /// somewhat over it still arrives and the page can say how big it was; beyond this the server stops
    /// reading and the page says the file is too big without knowing by how much.
    /// </summary>
    public long MaxRequestBytes => (MaxUploadBytes * 2) + (1024 * 1024);
}
