namespace OrchardPortal.Content;

/// <summary>The Content module's URLs, shared by its pages, endpoints and navigation.</summary>
public static class ContentPaths
{
    public const string HomeEditor = "/admin/content/home";
    public const string HomePreview = "/admin/content/home/preview";
    public const string EditorImageUpload = "/admin/content/images";
    public const string HeaderImage = "/admin/branding/header-image";
    public const string SamplePortal = "/admin/sample-portal";
}
