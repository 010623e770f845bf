namespace S3Audit
{
    /// <summary>
    /// A generated least-privilege policy: emitted by New-S3ReadOnlyLogPolicy and New-S3LogStoragePolicy.
    /// <see cref="Document"/> is indented JSON in the provider's own format, ready to paste or to pass to the provider's API.
    /// </summary>
    public sealed class S3PolicyDocument
    {
        /// <summary>Aws (IAM JSON), Exoscale (IAM role policy) or Lyve (Account API permission body).</summary>
        public S3Provider Provider { get; set; }
        /// <summary>The policy or permission name.</summary>
        public string Name { get; set; } = string.Empty;
        /// <summary>ReadOnlyLog (a log reader) or LogStorage (a writer of logs or backups).</summary>
        public string Purpose { get; set; } = string.Empty;
        /// <summary>The bucket the policy is scoped to.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The key prefix the policy is scoped to; empty for the whole bucket.</summary>
        public string Prefix { get; set; } = string.Empty;
        /// <summary>The policy as indented JSON.</summary>
        public string Document { get; set; } = string.Empty;
        /// <summary>AWS statements, Exoscale rules, or 1 for a Lyve permission.</summary>
        public int StatementCount { get; set; }
        /// <summary>What the provider's format cannot express (e.g. a prefix on Lyve), joined with "; "; empty when none.</summary>
        public string Limitations { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => Document;
    }
}
