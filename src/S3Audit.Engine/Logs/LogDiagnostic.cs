namespace S3Audit.Engine.Logs
{
    /// <summary>A record that could not be read, a file that ended early (corrupt or truncated), or a file that is no log at all.</summary>
    public sealed class LogDiagnostic
    {
        /// <summary>Creates a diagnostic.</summary>
        public LogDiagnostic(string fileName, long lineNumber, string message, bool fileCorrupt)
            : this(fileName, lineNumber, message, fileCorrupt, false)
        {
        }

        /// <summary>Creates a diagnostic, possibly for a file in no known format.</summary>
        public LogDiagnostic(string fileName, long lineNumber, string message, bool fileCorrupt, bool formatNotRecognized)
        {
            FileName = fileName;
            LineNumber = lineNumber;
            Message = message;
            FileCorrupt = fileCorrupt;
            FormatNotRecognized = formatNotRecognized;
        }

        /// <summary>The file or object.</summary>
        public string FileName { get; }
        /// <summary>The 1-based line (of the decompressed text).</summary>
        public long LineNumber { get; }
        /// <summary>What was wrong.</summary>
        public string Message { get; }
        /// <summary>True when the file could not be read to its end (corrupt or truncated gzip, read failure); reading stopped there.</summary>
        public bool FileCorrupt { get; }
        /// <summary>
        /// True when the file is not a log in any format read (binary content, or no record readable among the first
        /// ones): one diagnostic for the file instead of one per line; the file was not read further.
        /// </summary>
        public bool FormatNotRecognized { get; }

        /// <inheritdoc />
        public override string ToString() => $"{FileName}:{LineNumber}: {Message}";
    }
}
