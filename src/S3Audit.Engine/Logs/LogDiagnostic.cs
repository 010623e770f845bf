namespace S3Audit.Engine.Logs
{
    /// <summary>A record that could not be read, or a file that ended early (corrupt or truncated).</summary>
    public sealed class LogDiagnostic
    {
        /// <summary>Creates a diagnostic.</summary>
        public LogDiagnostic(string fileName, long lineNumber, string message, bool fileCorrupt)
        {
            FileName = fileName;
            LineNumber = lineNumber;
            Message = message;
            FileCorrupt = fileCorrupt;
        }

        /// <summary>The file or object.</summary>
        public string FileName { get; }
        /// <summary>The 1-based line (of the decompressed text).</summary>
        public long LineNumber { get; }
        /// <summary>What was wrong.</summary>
        public string Message { get; }
        /// <summary>True when the file could not be read to its end (corrupt or truncated gzip, read failure); reading stopped there.</summary>
        public bool FileCorrupt { get; }

        /// <inheritdoc />
        public override string ToString() => $"{FileName}:{LineNumber}: {Message}";
    }
}
