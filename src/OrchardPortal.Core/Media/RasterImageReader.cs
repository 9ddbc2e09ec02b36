using System.Buffers.Binary;

namespace OrchardPortal.Core.Media;

/// <summary>
/// Recognises PNG, JPEG, GIF and WebP by their signatures and reads the declared size from their
/// headers. Returns null when the bytes are none of these; a failed inspection when the signature
/// matches but the structure around it is broken (a truncated or damaged file).
/// </summary>
internal static class RasterImageReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageInspection? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return ReadPng(data);
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ReadJpeg(data);
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ReadGif(data);
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ReadWebP(data);
        }

        return null;
    }

    internal static ImageInspection Damaged(ImageFormat format) =>
        ImageInspection.Failed($"That {ImageFormats.DisplayName(format)} file looks damaged or incomplete, so it can't be used. Export or save it again and retry.");

    private static ImageInspection Sized(ImageFormat format, long width, long height) =>
        width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue
            ? Damaged(format)
            : new ImageInspection(new ImageInfo(format, (int)width, (int)height), null);

    /// <summary>IHDR must be the first chunk; every chunk must fit, and the file must end with IEND.</summary>
    private static ImageInspection ReadPng(ReadOnlySpan<byte> data)
    {
        var position = PngSignature.Length;
        long width = 0, height = 0;
        var first = true;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (length > int.MaxValue || position + 12L + length > data.Length)
            {
                return Damaged(ImageFormat.Png);
            }

            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    return Damaged(ImageFormat.Png);
                }

                width = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8)..]);
                height = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 12)..]);
                first = false;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return Sized(ImageFormat.Png, width, height);
            }

            position += 12 + (int)length;
        }

        return Damaged(ImageFormat.Png);
    }

    /// <summary>Walks the marker segments up to the first start-of-frame, which holds the size.</summary>
    private static ImageInspection ReadJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return Damaged(ImageFormat.Jpeg);
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                // Fill bytes may pad before a marker.
                position++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                // End of image, or scan data before any frame header: no size was declared.
                return Damaged(ImageFormat.Jpeg);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                return Damaged(ImageFormat.Jpeg);
            }

            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7)
                {
                    return Damaged(ImageFormat.Jpeg);
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return Sized(ImageFormat.Jpeg, width, height);
            }

            position += 2 + length;
        }

        return Damaged(ImageFormat.Jpeg);
    }

    /// <summary>The logical screen size follows the signature; a whole GIF ends with the 0x3B trailer.</summary>
    private static ImageInspection ReadGif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 14 || data[^1] != 0x3B)
        {
            return Damaged(ImageFormat.Gif);
        }

        return Sized(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
    }

    /// <summary>The first chunk after the RIFF header says which WebP flavour this is and where its size is.</summary>
    private static ImageInspection ReadWebP(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (data.Length < 30 || riffSize + 8L > data.Length || riffSize < 22)
        {
            return Damaged(ImageFormat.WebP);
        }

        var chunk = data.Slice(12, 4);
        var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(data[16..]);
        var payload = data[20..];
        if (chunkSize > payload.Length)
        {
            return Damaged(ImageFormat.WebP);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
            if (chunkSize < 10 || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                return Damaged(ImageFormat.WebP);
            }

            return Sized(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width-1 and height-1 as two 14-bit fields.
            if (chunkSize < 5 || payload[0] != 0x2F)
            {
                return Damaged(ImageFormat.WebP);
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return Sized(ImageFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: flags and reserved bytes, then canvas width-1 and height-1 as 24-bit values.
            if (chunkSize < 10)
            {
                return Damaged(ImageFormat.WebP);
            }

            return Sized(ImageFormat.WebP, ReadUInt24(payload[4..]) + 1, ReadUInt24(payload[7..]) + 1);
        }

        return Damaged(ImageFormat.WebP);
    }

    private static long ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
}
