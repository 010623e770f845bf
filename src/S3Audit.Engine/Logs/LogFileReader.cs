using System;
using System.IO;
using System.Text.Json;
using S3Audit.Engine.Security;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Reads one log file or object: gzip detected by its magic bytes, format detected from the first bytes
    /// (unless given), records parsed and filtered, accepted ones returned as entries. Malformed records are
    /// counted and reported; a corrupt or truncated file ends the read after everything before the damage.
    /// An <see cref="IOException"/> of the underlying stream (a broken download) is left to the caller, which may retry.
    /// </summary>
    internal sealed class LogFileReader : IDisposable
    {
        private const int MaxDocumentBytes = 1024 * 1024 * 1024;
        private readonly Stream _input;
        private readonly string _fileName;
        private readonly LogReadOptions _options;
        private readonly Action<LogDiagnostic>? _diagnostics;
        private readonly LogFilter _filter;
        private readonly LogRecord _record = new LogRecord();
        private readonly Utf8StringPool _pool = new Utf8StringPool();
        private readonly AwsAccessLogParser _aws;
        private readonly JsonAuditRecordParser _json;
        private readonly ExoscaleDataEventParser _exoscale;
        private bool _exoscaleEvents;
        private Stream? _stream;
        private LineReader? _lines;
        private Mode _mode;
        private bool _done;
        private MemoryStream? _pending;
        private long _pendingLine;
        private byte[]? _document;
        private int _documentLength;
        private int _documentConsumed;
        private JsonReaderState _documentState;
        private int _documentLinesCountedTo;
        private long _documentLine = 1;
        private int _documentDepth;
        private bool _inString;
        private bool _escaped;
        private bool _rootArray;

        private enum Mode { NotStarted, Text, JsonRecords, JsonDocument }

        public LogFileReader(Stream input, string fileName, LogReadOptions options, Action<LogDiagnostic>? diagnostics)
        {
            _input = input;
            _fileName = fileName;
            _options = options;
            _diagnostics = diagnostics;
            _filter = options.Filter;
            _aws = new AwsAccessLogParser(_pool);
            _json = new JsonAuditRecordParser(_pool);
            _exoscale = new ExoscaleDataEventParser(_pool);
        }

        /// <summary>Records (lines, or JSON values) read, whatever became of them.</summary>
        public long RecordsRead { get; private set; }
        /// <summary>Records that passed the filter.</summary>
        public long Accepted { get; private set; }
        /// <summary>Records the filter dropped.</summary>
        public long Filtered { get; private set; }
        /// <summary>Malformed records.</summary>
        public long Rejected { get; private set; }
        /// <summary>True when the file ended early (corrupt, truncated, unreadable).</summary>
        public bool Corrupt { get; private set; }
        /// <summary>The detected or given format (for JSON files: the first record's).</summary>
        public S3AuditLogFormat Format { get; private set; }
        /// <summary>True when the file was gzip-compressed.</summary>
        public bool Compressed { get; private set; }
        /// <summary>True when the file is one JSON document (CloudTrail, a JSON array) rather than one record per line.</summary>
        public bool ReadAsDocument => _mode == Mode.JsonDocument;

        /// <summary>Records to pass over silently before returning entries (resuming a retried download).</summary>
        public long SkipRecords { get; set; }

        /// <summary>
        /// Inflate gzip input on a second thread while this one parses (on by default, as for local files read one
        /// after another). Readers that already run several files at once, such as parallel downloads, turn it off.
        /// </summary>
        public bool DecompressAhead { get; set; } = true;

        public bool TryRead(out S3AuditLogEntry entry)
        {
            entry = null!;
            if (_done)
            {
                return false;
            }

            try
            {
                if (_mode == Mode.NotStarted)
                {
                    Start();
                }

                bool found = _mode == Mode.JsonDocument ? NextFromDocument(out entry) : NextFromLines(out entry);
                if (!found)
                {
                    _done = true;
                }

                return found;
            }
            catch (Exception e) when (e is InvalidDataException || e is JsonException || (e is InvalidOperationException && _mode == Mode.JsonDocument))
            {
                _done = true;
                Corrupt = true;
                long line = _mode == Mode.JsonDocument ? _documentLine : _lines?.LineNumber ?? 0;
                string message = $"{_fileName}: the file ends early or is corrupt after line {line} ({e.GetType().Name}: {SecretMasker.MaskText(e.Message)}); entries before it were returned.";
                if (_diagnostics == null)
                {
                    throw new InvalidDataException(message, e);
                }

                _diagnostics(new LogDiagnostic(_fileName, line, message, true));
                return false;
            }
        }

        private void Start()
        {
            byte[] magic = new byte[2];
            int got = 0;
            while (got < 2)
            {
                int n = _input.Read(magic, got, 2 - got);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }

            Stream stream = new PrefixedStream(got == 2 ? magic : magic.AsSpan(0, got).ToArray(), _input);
            if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            {
                Compressed = true;
                stream = GzipEndCheck.Wrap(stream);
                if (DecompressAhead)
                {
                    stream = new ReadAheadStream(stream);
                }
            }

            _stream = stream;
            _lines = new LineReader(stream);
            _lines.SkipBom();
            Format = _options.Format;
            ReadOnlySpan<byte> head = _lines.Peek(4096);
            int start = SkipSpace(head, 0);
            bool? headStartsArray = start < head.Length ? head[start] == '[' : (bool?)null;
            _mode = Detect(head, start);
            if (_mode == Mode.JsonDocument)
            {
                LoadDocument();
                // The head already shows the document's first byte; only a blank head needs the whole document searched.
                _rootArray = headStartsArray ?? IsRootArray();
            }
        }

        /// <summary>The index of the first byte from <paramref name="from"/> on that is not JSON whitespace.</summary>
        private static int SkipSpace(ReadOnlySpan<byte> bytes, int from)
        {
            while (from < bytes.Length && (bytes[from] == ' ' || bytes[from] == '\t' || bytes[from] == '\r' || bytes[from] == '\n'))
            {
                from++;
            }

            return from;
        }

        /// <summary>The mode for a file whose first bytes are <paramref name="head"/>, <paramref name="i"/> the first that is not whitespace.</summary>
        private Mode Detect(ReadOnlySpan<byte> head, int i)
        {
            switch (Format)
            {
                case S3AuditLogFormat.AwsAccessLog:
                    return Mode.Text;
                case S3AuditLogFormat.CloudTrail:
                    return Mode.JsonDocument;
                case S3AuditLogFormat.Auto:
                    break;
                case S3AuditLogFormat.ExoscaleDataEvents:
                    _exoscaleEvents = true;
                    return i < head.Length && head[i] == '[' ? Mode.JsonDocument : Mode.JsonRecords;
                default:
                    return i < head.Length && head[i] == '[' ? Mode.JsonDocument : Mode.JsonRecords;
            }

            if (i >= head.Length)
            {
                Format = S3AuditLogFormat.AwsAccessLog;
                return Mode.Text;
            }

            if ((head[i] == '[' || head[i] == '{') && ExoscaleDataEventParser.Recognizes(head))
            {
                _exoscaleEvents = true;
                Format = S3AuditLogFormat.ExoscaleDataEvents;
                return head[i] == '[' ? Mode.JsonDocument : Mode.JsonRecords;
            }

            if (head[i] == '[')
            {
                return Mode.JsonDocument;
            }

            if (head[i] != '{')
            {
                Format = S3AuditLogFormat.AwsAccessLog;
                return Mode.Text;
            }

            // {"Records": [ ... ]} is one document; anything else is one JSON object per record.
            if (head.Slice(SkipSpace(head, i + 1)).StartsWith("\"Records\""u8))
            {
                Format = S3AuditLogFormat.CloudTrail;
                return Mode.JsonDocument;
            }

            return Mode.JsonRecords;
        }

        private bool NextFromLines(out S3AuditLogEntry entry)
        {
            entry = null!;
            LineReader lines = _lines!;
            while (true)
            {
                if (!lines.TryReadLine(out ReadOnlySpan<byte> line))
                {
                    if (_pending != null && _pending.Length > 0)
                    {
                        // A multi-line JSON record the file ended inside.
                        RecordsRead++;
                        Reject(_pendingLine, "the JSON record is not closed before the end of the file");
                        _pending.SetLength(0);
                    }

                    return false;
                }

                if (_mode == Mode.JsonRecords && !TakeJsonRecord(lines, ref line))
                {
                    continue;
                }

                if (IsBlank(line))
                {
                    continue;
                }

                long lineNumber = _mode == Mode.JsonRecords && _pending != null && _pending.Length > 0 ? _pendingLine : lines.LineNumber;
                RecordsRead++;
                if (SkipRecords > 0)
                {
                    SkipRecords--;
                    ClearPending();
                    continue;
                }

                _record.LineNumber = lineNumber;
                if (lines.LastLineTooLong)
                {
                    Reject(lineNumber, $"the line is longer than {LineReader.MaxLineLength} bytes");
                    continue;
                }

                ParseOutcome outcome = _mode == Mode.Text ? _aws.Parse(line, _record, _filter)
                    : _exoscaleEvents ? _exoscale.Parse(line, _record, _filter) : _json.Parse(line, _record, _filter);
                if (Count(outcome, lineNumber, _mode == Mode.Text ? _aws.Error : _exoscaleEvents ? _exoscale.Error : _json.Error))
                {
                    entry = _record.ToEntry(_fileName, _options.IncludeRaw ? SecretMasker.MaskText(Utf8StringPool.Decode(line)) : null);
                    ClearPending();
                    return true;
                }

                ClearPending();
            }
        }

        /// <summary>
        /// For JSON records: one line is one record, except a record that opens with a lone "{" (pretty-printed),
        /// which runs until its braces close. False while a multi-line record is still being collected.
        /// </summary>
        private bool TakeJsonRecord(LineReader lines, ref ReadOnlySpan<byte> line)
        {
            ReadOnlySpan<byte> trimmed = TrimSpaces(line);
            bool collecting = _pending != null && _pending.Length > 0;
            if (!collecting)
            {
                if (trimmed.Length == 1 && trimmed[0] == '{')
                {
                    _pending ??= new MemoryStream();
                    _pendingLine = lines.LineNumber;
                    _documentDepth = 0;
                    _inString = _escaped = false;
                    Append(line);
                    return false;
                }

                return true;
            }

            if (line.Length > 0 && line[0] == '{')
            {
                // A new record starts at column 0 while the last one is still open: that one was broken.
                RecordsRead++;
                Reject(_pendingLine, "the JSON record is not closed before the next record starts");
                _pending!.SetLength(0);
                return TakeJsonRecord(lines, ref line);
            }

            Append(line);
            if (_documentDepth > 0)
            {
                return false;
            }

            line = new ReadOnlySpan<byte>(_pending!.GetBuffer(), 0, (int)_pending.Length);
            return true;
        }

        private void Append(ReadOnlySpan<byte> line)
        {
            foreach (byte b in line)
            {
                _pending!.WriteByte(b);
                TrackBraces(b);
            }

            _pending!.WriteByte((byte)'\n');
            TrackBraces((byte)'\n');
        }

        private void ClearPending() => _pending?.SetLength(0);

        /// <summary>Follows the nesting of a multi-line record one byte at a time, so each line is looked at once.</summary>
        private void TrackBraces(byte b)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == '\\')
                {
                    _escaped = true;
                }
                else if (b == '"')
                {
                    _inString = false;
                }
            }
            else if (b == '"')
            {
                _inString = true;
            }
            else if (b == '{' || b == '[')
            {
                _documentDepth++;
            }
            else if (b == '}' || b == ']')
            {
                _documentDepth--;
            }
        }

        private void LoadDocument()
        {
            // CloudTrail files are small (one delivery); they are read whole.
            var all = new MemoryStream();
            while (_lines!.TryReadLine(out ReadOnlySpan<byte> line))
            {
                if (all.Length + line.Length > MaxDocumentBytes)
                {
                    throw new InvalidDataException($"the JSON document is larger than {MaxDocumentBytes} bytes");
                }

                all.Write(line.ToArray(), 0, line.Length);
                all.WriteByte((byte)'\n');
            }

            _document = all.GetBuffer();
            _documentLength = (int)all.Length;
            _documentState = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }

        private bool NextFromDocument(out S3AuditLogEntry entry)
        {
            entry = null!;
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_document, _documentConsumed, _documentLength - _documentConsumed), true, _documentState);
            bool found = false;
            while (reader.Read())
            {
                // Records are the objects one level inside the root array, or inside {"Records": [...]}.
                bool record = reader.TokenType == JsonTokenType.StartObject &&
                              (reader.CurrentDepth == 1 && _rootArray || reader.CurrentDepth == 2 && !_rootArray);
                if (!record)
                {
                    continue;
                }

                int start = _documentConsumed + (int)reader.TokenStartIndex;
                CountLinesTo(start);
                RecordsRead++;
                _record.LineNumber = _documentLine;
                if (SkipRecords > 0)
                {
                    SkipRecords--;
                    reader.Skip();
                    continue;
                }

                ParseOutcome outcome = _exoscaleEvents ? _exoscale.ParseCurrent(ref reader, _record, _filter) : _json.ParseCurrent(ref reader, _record, _filter);
                if (Count(outcome, _documentLine, _exoscaleEvents ? _exoscale.Error : _json.Error))
                {
                    int end = _documentConsumed + (int)reader.BytesConsumed;
                    string? raw = _options.IncludeRaw ? SecretMasker.MaskText(Utf8StringPool.Decode(new ReadOnlySpan<byte>(_document, start, end - start))) : null;
                    entry = _record.ToEntry(_fileName, raw);
                    found = true;
                    break;
                }
            }

            _documentConsumed += (int)reader.BytesConsumed;
            _documentState = reader.CurrentState;
            return found;
        }

        private bool IsRootArray()
        {
            var document = new ReadOnlySpan<byte>(_document, 0, _documentLength);
            int first = SkipSpace(document, 0);
            return first < document.Length && document[first] == '[';
        }

        private void CountLinesTo(int position)
        {
            for (int i = _documentLinesCountedTo; i < position; i++)
            {
                if (_document![i] == '\n')
                {
                    _documentLine++;
                }
            }

            _documentLinesCountedTo = Math.Max(_documentLinesCountedTo, position);
        }

        private bool Count(ParseOutcome outcome, long line, string error)
        {
            switch (outcome)
            {
                case ParseOutcome.Accepted:
                    Accepted++;
                    if (Format == S3AuditLogFormat.Auto)
                    {
                        Format = _record.Source;
                    }

                    return true;
                case ParseOutcome.FilteredOut:
                    Filtered++;
                    return false;
                default:
                    Reject(line, error);
                    return false;
            }
        }

        private void Reject(long line, string error)
        {
            Rejected++;
            _diagnostics?.Invoke(new LogDiagnostic(_fileName, line, error, false));
        }

        private static bool IsBlank(ReadOnlySpan<byte> line) => TrimSpaces(line).IsEmpty;

        private static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> s)
        {
            int a = 0, b = s.Length;
            while (a < b && (s[a] == ' ' || s[a] == '\t'))
            {
                a++;
            }

            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            {
                b--;
            }

            return s.Slice(a, b - a);
        }

        public void Dispose()
        {
            _lines?.Dispose();
            // The outermost wrapper first: a read-ahead thread must stop before the streams under it go away.
            _stream?.Dispose();
            _input.Dispose();
        }
    }
}
