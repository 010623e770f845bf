using System.Collections.Generic;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>The check names a configuration file may enable. A name is valid even when this build has no implementation for it.</summary>
    public static class AuditCheckNames
    {
        /// <summary>Public exposure of buckets (ACLs, bucket policies, Block Public Access).</summary>
        public const string Exposure = "exposure";
        /// <summary>Bucket posture: versioning, object lock, default encryption, ownership.</summary>
        public const string Posture = "posture";
        /// <summary>Server access logging or the provider's audit logging.</summary>
        public const string Logging = "logging";
        /// <summary>Access keys and identities: age, use, MFA, breadth.</summary>
        public const string Credentials = "credentials";
        /// <summary>Anomalies in the access logs of the last N hours.</summary>
        public const string LogAnomalies = "logAnomalies";

        /// <summary>Every name, in the order they are documented.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Exposure, Posture, Logging, Credentials, LogAnomalies };
    }
}
