using System.Collections.Generic;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>A validated audit profile (audit.yml). Built only by <see cref="AuditConfigLoader"/>, so every value here has passed validation.</summary>
    public sealed class AuditConfig
    {
        /// <summary>The file it was read from (full path).</summary>
        public string Path { get; internal set; } = string.Empty;
        /// <summary>The targets, in file order.</summary>
        public IReadOnlyList<AuditTarget> Targets { get; internal set; } = new List<AuditTarget>();
        /// <summary>The enabled checks, in file order.</summary>
        public IReadOnlyList<AuditCheckSettings> Checks { get; internal set; } = new List<AuditCheckSettings>();
        /// <summary>The thresholds.</summary>
        public AuditThresholds Thresholds { get; internal set; } = new AuditThresholds();
        /// <summary>Report paths with date tokens; null when not configured.</summary>
        public OutputPathTemplate? CsvPath { get; internal set; }
        /// <summary>Report paths with date tokens; null when not configured.</summary>
        public OutputPathTemplate? JsonPath { get; internal set; }
        /// <summary>Report paths with date tokens; null when not configured.</summary>
        public OutputPathTemplate? HtmlPath { get; internal set; }
    }

    /// <summary>One storage account or endpoint to audit. Holds no secret: keys are named by environment variable.</summary>
    public sealed class AuditTarget
    {
        /// <summary>The unique name findings carry in their Target column.</summary>
        public string Name { get; internal set; } = string.Empty;
        /// <summary>The provider.</summary>
        public S3Provider Provider { get; internal set; }
        /// <summary>The endpoint URL; null for AWS.</summary>
        public string? Endpoint { get; internal set; }
        /// <summary>The region; resolved like the cmdlets' -Region when null.</summary>
        public string? Region { get; internal set; }
        /// <summary>A profile in the shared AWS credentials/config files.</summary>
        public string? Profile { get; internal set; }
        /// <summary>A custom credentials file for <see cref="Profile"/>.</summary>
        public string? ProfileLocation { get; internal set; }
        /// <summary>The NAME of the environment variable holding the access key id.</summary>
        public string? AccessKeyVariable { get; internal set; }
        /// <summary>The NAME of the environment variable holding the secret key.</summary>
        public string? SecretKeyVariable { get; internal set; }
        /// <summary>The NAME of the environment variable holding a session token.</summary>
        public string? SessionTokenVariable { get; internal set; }
        /// <summary>Path-style addressing; the endpoint default when null.</summary>
        public bool? ForcePathStyle { get; internal set; }
        /// <summary>Bucket wildcards to audit; every bucket when empty.</summary>
        public IReadOnlyList<string> Include { get; internal set; } = new List<string>();
        /// <summary>Bucket wildcards to leave out.</summary>
        public IReadOnlyList<string> Exclude { get; internal set; } = new List<string>();
        /// <summary>Where the target starts in the file, for messages.</summary>
        public int Line { get; internal set; }
    }

    /// <summary>One enabled check and its options.</summary>
    public sealed class AuditCheckSettings
    {
        /// <summary>The check name (see <see cref="Checks.AuditCheckNames"/>).</summary>
        public string Name { get; internal set; } = string.Empty;
        /// <summary>For logAnomalies: how many hours of logs to read back from now.</summary>
        public int Hours { get; internal set; } = 24;
    }

    /// <summary>Thresholds of the profile.</summary>
    public sealed class AuditThresholds
    {
        /// <summary>Fail findings below this severity are not reported (Unknown ones always are).</summary>
        public S3AuditSeverity MinimumSeverity { get; internal set; } = S3AuditSeverity.Info;
        /// <summary>The run's summary says ThresholdExceeded when an open Fail finding is at or above this severity.</summary>
        public S3AuditSeverity FailOn { get; internal set; } = S3AuditSeverity.High;
        /// <summary>Credentials check: an access key older than this many days is a finding.</summary>
        public int KeyMaxAgeDays { get; internal set; } = 90;
        /// <summary>Credentials check: an active key unused for this many days is a finding.</summary>
        public int KeyUnusedDays { get; internal set; } = 45;
    }
}
