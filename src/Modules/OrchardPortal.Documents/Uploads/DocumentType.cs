namespace OrchardPortal.Documents.Uploads;

/// <summary>One kind of file the portal accepts: how people name it, the extensions it may carry, the type we serve it as.</summary>
public sealed record DocumentType(string Label, string ContentType, IReadOnlyList<string> Extensions, bool IsText = false);

/// <summary>
/// The allow-list. Anything else — HTML, SVG, scripts, executables, archives, old Office formats with
/// macros — is refused at upload, so nothing the browser could run is ever stored.
/// </summary>
public static class DocumentTypes
{
    public static readonly DocumentType Pdf = new("PDF", "application/pdf", ["pdf"]);
    public static readonly DocumentType Jpeg = new("JPEG image", "image/jpeg", ["jpg", "jpeg"]);
    public static readonly DocumentType Png = new("PNG image", "image/png", ["png"]);
    public static readonly DocumentType Heic = new("HEIC photo", "image/heic", ["heic", "heif"]);
    public static readonly DocumentType WebP = new("WebP image", "image/webp", ["webp"]);
    public static readonly DocumentType Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx"]);
    public static readonly DocumentType Xlsx = new("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx"]);
    public static readonly DocumentType Text = new("Text file", "text/plain; charset=utf-8", ["txt"], IsText: true);
    public static readonly DocumentType Csv = new("CSV file", "text/csv; charset=utf-8", ["csv"], IsText: true);

    public static IReadOnlyList<DocumentType> All { get; } = [Pdf, Jpeg, Png, Heic, WebP, Docx, Xlsx, Text, Csv];

    /// <summary>For people: "PDF, JPEG, PNG, HEIC, WebP, Word (.docx), Excel (.xlsx), text (.txt) or CSV".</summary>
    public const string AllowedList = "PDF, JPEG, PNG, HEIC, WebP, Word (.docx), Excel (.xlsx), text (.txt) or CSV";

    /// <summary>For the file picker's <c>accept</c> attribute (a hint only; the server decides).</summary>
    public static string Accept { get; } = string.Join(",", All.SelectMany(t => t.Extensions).Select(e => "." + e));

    public static DocumentType? FromExtension(string extension) =>
        All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.Ordinal));

    /// <summary>The short label for a stored content type, e.g. "PDF".</summary>
    public static string LabelFor(string contentType) =>
        All.FirstOrDefault(t => t.ContentType == contentType)?.Label ?? "File";
}
