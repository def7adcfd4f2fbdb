using System.Text;

namespace IaasKyc.Domain.Screening;

/// <summary>
/// Decodes a list file (UTF-8, or Windows-1252 / Latin-1 when the bytes are not UTF-8) and reads it as delimited records
/// (RFC 4180 quoting: a quoted field may hold the separator, doubled quotes and line breaks). Line numbers are 1-based and
/// name the line a record starts on.
/// </summary>
internal static class DelimitedText
{
    // Windows-1252 0x80–0x9F; '\0' marks the five positions the code page leaves undefined.
    private const string Cp1252High = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

    /// <summary>The file's text, or the line and reason it cannot be read as text.</summary>
    public static (string? Text, int Line, string? Reason) Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var chars = new char[span.Length];
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                var c = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
                if (c == '\0' && b != 0)
                    return (null, LineAt(span, i), $"Byte 0x{b:X2} is neither UTF-8 nor Windows-1252 / Latin-1 text.");
                chars[i] = c;
            }
            text = new string(chars);
        }

        // The OFAC files end with a DOS end-of-file byte (0x1A), possibly followed by a line break.
        var end = text.Length;
        while (end > 0 && text[end - 1] is '\r' or '\n' or ' ' or '\t') end--;
        if (end > 0 && text[end - 1] == '\u001A') text = text[..(end - 1)];

        var line = 1;
        var sb = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            else if (c < ' ' && c is not '\t' and not '\r')
                return (null, line, $"Control character 0x{(int)c:X2}: the file is not text (a binary or damaged file?).");
            else if (c is >= '\u0080' and <= '\u009F')
            {
                // A Windows-1252 character stored as a C1 control (text once decoded as Latin-1): restore it ("HA’Assif").
                sb ??= new StringBuilder(text, 0, i, text.Length);
                var mapped = Cp1252High[c - 0x80];
                if (mapped != '\0') sb.Append(mapped);
                continue;
            }
            sb?.Append(c);
        }
        text = sb?.ToString() ?? text;
        return text.Trim().Length == 0 ? (null, 1, "The file is empty.") : (text, 0, null);
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;
}

/// <summary>Reads records one by one; <see cref="Line"/> is where the last record started, <see cref="Position"/> how far it got.</summary>
internal sealed class DelimitedReader(string text, char separator)
{
    private int _position;
    private int _line = 1;

    public int Line { get; private set; }
    public int Position => _position;
    public int Length => text.Length;

    /// <summary>The next non-blank record, or null at the end; <paramref name="error"/> is set for an unterminated quote or stray text.</summary>
    public List<string>? Next(out string? error)
    {
        error = null;
        while (_position < text.Length && text[_position] is '\r' or '\n')
        {
            if (text[_position] == '\n') _line++;
            _position++;
        }
        if (_position >= text.Length) return null;

        Line = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (_position < text.Length && text[_position] == '"')
            {
                _position++;
                while (true)
                {
                    if (_position >= text.Length)
                    {
                        error = "A quoted field is not closed (an unterminated quote).";
                        return null;
                    }
                    var c = text[_position++];
                    if (c == '"')
                    {
                        if (_position < text.Length && text[_position] == '"') { field.Append('"'); _position++; continue; }
                        break;
                    }
                    if (c == '\n') _line++;
                    field.Append(c);
                }
                while (_position < text.Length && text[_position] == ' ') _position++;
                if (_position < text.Length && text[_position] != separator && text[_position] is not '\r' and not '\n')
                {
                    error = $"Unexpected text after the closing quote of field {fields.Count + 1}.";
                    return null;
                }
            }
            else
            {
                while (_position < text.Length && text[_position] != separator && text[_position] is not '\r' and not '\n')
                    field.Append(text[_position++]);
            }
            fields.Add(field.ToString());
            if (_position < text.Length && text[_position] == separator) { _position++; continue; }
            // End of record: CRLF, LF, or the end of the text.
            if (_position < text.Length && text[_position] == '\r') _position++;
            if (_position < text.Length && text[_position] == '\n') { _position++; _line++; }
            return fields;
        }
    }
}
