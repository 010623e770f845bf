namespace S3Audit.Engine.Audit.Config
{
    /// <summary>One problem in a configuration file: where it is and what was expected.</summary>
    public sealed class AuditConfigError
    {
        /// <summary>Creates an error at a 1-based line and column.</summary>
        public AuditConfigError(string file, int line, int column, string message)
        {
            File = file;
            Line = line;
            Column = column;
            Message = message;
        }

        /// <summary>The file.</summary>
        public string File { get; }
        /// <summary>1-based line.</summary>
        public int Line { get; }
        /// <summary>1-based column.</summary>
        public int Column { get; }
        /// <summary>What is wrong and what was expected.</summary>
        public string Message { get; }

        /// <summary>file(line,column): message, the form editors and build tools link to.</summary>
        public override string ToString() => $"{File}({Line},{Column}): {Message}";
    }
}
