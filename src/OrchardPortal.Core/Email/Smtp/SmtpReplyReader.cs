using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace OrchardPortal.Core.Email.Smtp;

/// <summary>
/// Reads SMTP replies: <c>250-first line</c> … <c>250 last line</c>. Buffers only what the server has
/// sent, so a reader can be dropped and replaced when the stream is upgraded to TLS.
/// </summary>
internal sealed class SmtpReplyReader(Stream stream)
{
    private const int MaxLineLength = 4096;
    private const int MaxLines = 100;

    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public async Task<SmtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new SmtpException(SmtpStatusCode.GeneralFailure, $"The mail server sent something that is not an SMTP reply: {Shorten(line)}");
            }

            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            var more = line.Length > 3 && line[3] == '-';
            if (!more)
            {
                return new SmtpReply(code, lines);
            }

            if (lines.Count > MaxLines)
            {
                throw new SmtpException(SmtpStatusCode.GeneralFailure, "The mail server's reply did not end.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    throw new IOException("The mail server closed the connection.");
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.UTF8.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length > MaxLineLength)
            {
                throw new SmtpException(SmtpStatusCode.GeneralFailure, "The mail server sent a line that is too long.");
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
