namespace OrchardPortal.Content.Models;

/// <summary>
/// A page of staff-written content (today only the portal's home text, key <c>home</c>): the working
/// draft and which published version is live. Published versions are <see cref="ContentVersion"/> rows.
/// </summary>
public sealed class ContentPage
{
    public const string HomeKey = "home";

    public string Key { get; set; } = "";

    /// <summary>Sanitised HTML staff are working on; customers never see it.</summary>
    public string DraftHtml { get; set; } = "";

    public DateTimeOffset? DraftSavedUtc { get; set; }

    public string? DraftSavedBy { get; set; }

    /// <summary>The live version's number, or null when nothing was ever published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>Highest version number handed out (versions are numbered 1, 2, 3, … per page).</summary>
    public int LatestVersion { get; set; }
}
