using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Bucket names arriving over the pipeline, each handed out once: rows piped from Get-S3AuditAcl or
    /// Get-S3AuditBucket repeat a bucket (once per grant or finding), and a bucket is audited once per invocation.
    /// </summary>
    internal sealed class PipedBuckets
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>True once any bucket (or the "all buckets" run) has been handed out.</summary>
        public bool Ran { get; private set; }

        /// <summary>The names not handed out before, in order.</summary>
        public IList<string> Fresh(IEnumerable<string>? names) => (names ?? Enumerable.Empty<string>()).Where(_seen.Add).ToList();

        /// <summary>Marks that a run has happened.</summary>
        public void MarkRan() => Ran = true;
    }
}
