namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Lets a caller of <see cref="LogEntryReader"/> pass over sources it has already handled (an incremental
    /// export) and learn how far each source was read. Called from worker threads, concurrently.
    /// </summary>
    public interface ILogSourceTracker
    {
        /// <summary>Records of <paramref name="source"/> to pass over before entries are handed on; a negative number skips the source.</summary>
        long Plan(LogSource source);

        /// <summary>
        /// <paramref name="source"/> was read: every entry of its first <paramref name="records"/> records has been handed
        /// to the sink (or dropped as a duplicate or by the filter). <paramref name="complete"/> is false when the read failed part-way.
        /// </summary>
        void Done(LogSource source, long records, bool complete);
    }
}
