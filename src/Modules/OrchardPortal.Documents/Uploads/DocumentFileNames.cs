using System.Globalization;
using System.Text;

namespace OrchardPortal.Documents.Uploads;

/// <summary>
/// Uploaded file names are only ever shown and offered back as the download name, never used for
/// storage. They are cleaned once, at upload: no folders, no control or bidirectional-override
/// characters (which can make "invoice‮fdp.exe" read as "invoice.exe.pdf"), a sane length.
/// </summary>
public static class DocumentFileNames
{
    public const int MaxLength = 120;

    public static string Sanitize(string? uploaded)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(c is '"' or '<' or '>' or ':' or '*' or '?' or '|' ? '_' : c);
        }

        name = builder.ToString().Trim().Trim('.').Trim();
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 10 ? "" : extension;
            name = name[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }

        return name.Length == 0 ? "document" : name;
    }

    /// <summary>
    /// <c>attachment; filename="…"; filename*=UTF-8''…</c> (RFC 6266 with RFC 5987 encoding): an ASCII
    /// fallback for old clients and the exact name for everyone else.
    /// </summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and <= '~' and not ('"' or '\\' or '%' or ';') ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
