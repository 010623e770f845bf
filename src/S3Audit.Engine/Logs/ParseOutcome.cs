namespace S3Audit.Engine.Logs
{
    /// <summary>What became of one record.</summary>
    internal enum ParseOutcome
    {
        /// <summary>Parsed and passed the filter.</summary>
        Accepted,
        /// <summary>Parsed, but the filter dropped it.</summary>
        FilteredOut,
        /// <summary>Not a record of the format.</summary>
        Malformed,
    }
}
