using System.IO.Compression;
using System.Text;

namespace OrchardPortal.Documents.Uploads;

/// <summary>What an upload really is, or a message a person can act on.</summary>
public sealed record DocumentInspection(DocumentType? Type, string? Error)
{
    public static DocumentInspection Failed(string error) => new(null, error);
}

/// <summary>
/// Decides an upload's type from its name's extension (which must be on the allow-list) and checks the
/// bytes really are that type. The browser's claimed content type is never consulted. Nothing is decoded
/// or decompressed: Office files are checked by the names in the ZIP directory only, so a hostile file
/// costs at most one pass over its bytes.
/// </summary>
public static class DocumentInspector
{
    public static DocumentInspection Inspect(string displayName, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return DocumentInspection.Failed($"“{displayName}” is empty. Choose the file again and retry.");
        }

        var extension = Path.GetExtension(displayName).TrimStart('.').ToLowerInvariant();
        if (DocumentTypes.FromExtension(extension) is not { } type)
        {
            return DocumentInspection.Failed($"“{displayName}” is a kind of file we can't accept. Upload a {DocumentTypes.AllowedList} file.");
        }

        if (type.IsText)
        {
            return CheckText(displayName, type, data);
        }

        return Matches(type, data)
            ? new DocumentInspection(type, null)
            : DocumentInspection.Failed($"“{displayName}” is named like a {type.Label}, but its contents are not one. Save or export it again as a real {type.Label} and retry.");
    }

    private static bool Matches(DocumentType type, ReadOnlySpan<byte> data)
    {
        if (type == DocumentTypes.Pdf)
        {
            return data.StartsWith("%PDF-"u8);
        }

        if (type == DocumentTypes.Jpeg)
        {
            return data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
        }

        if (type == DocumentTypes.Png)
        {
            return data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        }

        if (type == DocumentTypes.WebP)
        {
            return data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8);
        }

        if (type == DocumentTypes.Heic)
        {
            return IsHeif(data);
        }

        return type == DocumentTypes.Docx ? HasZipEntry(data, "word/document.xml")
            : type == DocumentTypes.Xlsx && HasZipEntry(data, "xl/workbook.xml");
    }

    // ISO base media file: a 'ftyp' box first, with a HEIF/HEIC brand.
    private static bool IsHeif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || !data[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var brand = Encoding.ASCII.GetString(data[8..12]);
        return brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "hevm" or "hevs" or "mif1" or "msf1";
    }

    // An Office Open XML file is a ZIP whose directory names [Content_Types].xml and the main part.
    private static bool HasZipEntry(ReadOnlySpan<byte> data, string mainPart)
    {
        if (!data.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(data.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains(mainPart);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    // Text must be UTF-8 without binary control characters, and must not be a web page or SVG in disguise:
    // it is always downloaded, but a file that is really markup has no business in a .txt or .csv.
    private static DocumentInspection CheckText(string displayName, DocumentType type, ReadOnlySpan<byte> data)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return DocumentInspection.Failed($"“{displayName}” isn't plain text we can read (it should be saved as UTF-8). Save it again as UTF-8 text and retry.");
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')))
        {
            return DocumentInspection.Failed($"“{displayName}” is named like a {type.Label}, but its contents are not one. Save or export it again as a real {type.Label} and retry.");
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        string[] markup = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<meta"];
        if (markup.Any(m => start.StartsWith(m, StringComparison.Ordinal)))
        {
            return DocumentInspection.Failed($"“{displayName}” contains a web page or markup, which we can't accept. Upload a {DocumentTypes.AllowedList} file.");
        }

        return new DocumentInspection(type, null);
    }
}
