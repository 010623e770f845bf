namespace S3Audit.Engine.Pipeline
{
    /// <summary>
    /// Where engine operations send what they produce. Implementations must be thread-safe: parallel work calls
    /// them from worker threads. The cmdlet implementation queues everything and writes it on the pipeline thread.
    /// </summary>
    public interface IAuditOutput
    {
        /// <summary>A result object (one of the S3Audit output types).</summary>
        void WriteObject(object item);
        /// <summary>A per-item failure; the run goes on.</summary>
        void WriteError(Errors.AuditError error);
        /// <summary>Something the user should notice.</summary>
        void WriteWarning(string message);
        /// <summary>Detail for -Verbose. Never a secret.</summary>
        void WriteVerbose(string message);
        /// <summary>Progress of long work.</summary>
        void WriteProgress(AuditProgress progress);
    }
}
