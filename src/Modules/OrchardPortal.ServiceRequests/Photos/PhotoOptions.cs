namespace OrchardPortal.ServiceRequests.Photos;

/// <summary>Photo limits for service requests, from the <c>ServiceRequests</c> configuration section (same for every tenant).</summary>
public sealed class PhotoOptions
{
    public const string Section = "ServiceRequests";

    /// <summary>The largest photo a customer may attach; 10 MB unless configured.</summary>
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many photos one request may carry.</summary>
    public int MaxPhotos { get; set; } = 5;

    /// <summary>
    /// How much of a request the server reads: every photo at the limit, plus room for one photo over it
    /// (so the page can say how big it was) and the form's text fields.
    /// </summary>
    public long MaxRequestBytes => (MaxPhotoBytes * (MaxPhotos + 1)) + (1024 * 1024);
}
