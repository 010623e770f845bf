using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Exposure;

namespace S3Audit.Engine.Posture
{
    /// <summary>
    /// The posture checks of Get-S3AuditBucket (and Invoke-S3Audit's posture and logging checks), each with its one
    /// severity and its Prowler and ScoutSuite equivalent. A check whose input could not be read gives a finding with
    /// Result Unknown and the check's severity (never a pass); an input the provider does not have (listed in UnsupportedSettings) gives no finding. PublicExposure and
    /// LatentExposure take their severity from the exposure verdict (<see cref="ExposureVerdict.Severity(S3ExposureResult)"/>),
    /// the same one Test-S3PublicExposure and Invoke-S3Audit give the bucket's causes.
    /// </summary>
    public static class BucketChecks
    {
        private sealed class Check
        {
            public Check(string id, S3AuditSeverity? severity, string title, string remediation, string prowler, string scoutSuite)
            {
                Id = id;
                Severity = severity;
                Title = title;
                Remediation = remediation;
                Prowler = prowler;
                ScoutSuite = scoutSuite;
            }

            public string Id { get; }
            /// <summary>Null for the exposure checks, whose severity is the verdict's.</summary>
            public S3AuditSeverity? Severity { get; }
            public string Title { get; }
            public string Remediation { get; }
            public string Prowler { get; }
            public string ScoutSuite { get; }
        }

        private static readonly Check PublicExposure = new Check("PublicExposure", null, "The bucket is public",
            "Remove the public ACL grants and policy statements listed by Test-S3PublicExposure -Detailed, and turn on Block Public Access.", "s3_bucket_public_access", "s3-bucket-world-policy-star");
        private static readonly Check LatentExposure = new Check("LatentExposure", null, "A public configuration is masked by Block Public Access or Object Ownership",
            "Remove the public ACL grants or policy statements; removing the masking setting would expose them.", "s3_bucket_public_access", "");
        private static readonly Check NoDefaultEncryption = new Check("NoDefaultEncryption", S3AuditSeverity.Medium, "No default encryption",
            "Configure default encryption (SSE-KMS for log stores and backups, at least SSE-S3).", "s3_bucket_default_encryption", "s3-bucket-no-default-encryption");
        private static readonly Check KmsRequired = new Check("KmsRequired", S3AuditSeverity.Medium, "Default encryption is not SSE-KMS although KMS is required",
            "Set default encryption to aws:kms with a customer-managed key (log stores such as LogScale bucket storage are advised to use SSE-KMS).", "s3_bucket_kms_encryption", "");
        private static readonly Check VersioningOff = new Check("VersioningOff", S3AuditSeverity.Medium, "Versioning is not enabled",
            "Enable versioning so overwritten and deleted objects can be recovered.", "s3_bucket_object_versioning", "s3-bucket-no-versioning");
        private static readonly Check ObjectLockOff = new Check("ObjectLockOff", S3AuditSeverity.High, "Object lock is not enabled on a bucket that requires it",
            "Create the backup bucket with object lock enabled (it cannot be turned on later on every provider) and set a default retention.", "s3_bucket_object_lock", "");
        private static readonly Check ObjectLockNoDefaultRetention = new Check("ObjectLockNoDefaultRetention", S3AuditSeverity.Medium, "Object lock is enabled but new objects are not locked (no default retention)",
            "Set a default retention (mode and days or years) on the bucket's object lock configuration.", "s3_bucket_object_lock", "");
        private static readonly Check LoggingOff = new Check("LoggingOff", S3AuditSeverity.Medium, "Server access logging is off",
            "Enable server access logging to a separate log bucket (Enable-S3AccessLogging).", "s3_bucket_server_access_logging_enabled", "s3-bucket-no-logging");
        // Unknown, never a pass, with the severity of logging being off: nobody knows who read or changed the bucket.
        private static readonly Check LoggingNotSupported = new Check("ServerAccessLoggingNotSupported", S3AuditSeverity.Medium, "The provider has no server access logging",
            "", "s3_bucket_server_access_logging_enabled", "s3-bucket-no-logging");
        private static readonly Check BlockPublicAccessIncomplete = new Check("BlockPublicAccessIncomplete", S3AuditSeverity.High, "Block Public Access is not fully on",
            "Turn on all four Block Public Access flags, at the account level where possible.", "s3_bucket_level_public_access_block", "");
        private static readonly Check AclsInForce = new Check("AclsInForce", S3AuditSeverity.Medium, "ACLs still govern access (Object Ownership is not BucketOwnerEnforced)",
            "Set Object Ownership to BucketOwnerEnforced once no request depends on ACLs (access-log field aclRequired).", "s3_bucket_acl_prohibited", "");
        private static readonly Check NoSecureTransportPolicy = new Check("NoSecureTransportPolicy", S3AuditSeverity.Medium, "The bucket policy does not deny requests without TLS",
            "Add a Deny for Principal * on s3:* with Condition Bool aws:SecureTransport false.", "s3_bucket_secure_transport_policy", "s3-bucket-allowing-cleartext");

        /// <summary>The severity of ServerAccessLoggingNotSupported, which Invoke-S3Audit's logging check also gives a provider without server access logging.</summary>
        internal static S3AuditSeverity LoggingNotSupportedSeverity => LoggingNotSupported.Severity!.Value;

        /// <summary>The findings for one bucket row (whose Exposure column is already set from <paramref name="exposure"/>).</summary>
        public static IReadOnlyList<S3AuditBucketFinding> Evaluate(S3AuditBucket row, BucketPostureRequest request, S3ExposureResult exposure)
        {
            var findings = new List<S3AuditBucketFinding>();
            S3AuditSeverity exposureSeverity = ExposureVerdict.Severity(exposure);
            void Report(Check check, string detail, S3AuditResult result) => findings.Add(new S3AuditBucketFinding
            {
                BucketName = row.BucketName,
                CheckId = check.Id,
                Severity = check.Severity ?? exposureSeverity,
                Result = result,
                Title = check.Title,
                Detail = detail,
                Remediation = check.Remediation,
                ProwlerCheckId = check.Prowler,
                ScoutSuiteCheckId = check.ScoutSuite,
                Provider = row.Provider,
            });
            void Add(Check check, string detail) => Report(check, detail, S3AuditResult.Fail);
            void Unknown(Check check, string setting) => Report(check, $"{setting} could not be read, so the check could not be made: {Reason(row, setting)}", S3AuditResult.Unknown);

            switch (row.Exposure)
            {
                case S3ExposureLevel.Public: Add(PublicExposure, exposure.Reasons); break;
                case S3ExposureLevel.Latent: Add(LatentExposure, exposure.Reasons); break;
                case S3ExposureLevel.Unknown: Report(PublicExposure, "Exposure is unknown: " + exposure.Reasons, S3AuditResult.Unknown); break;
            }

            if (row.Encryption == "Unknown")
            {
                Unknown(NoDefaultEncryption, "Encryption");
            }
            else if (row.Encryption == "None")
            {
                Add(NoDefaultEncryption, "The bucket has no default encryption configuration.");
            }

            if (request.RequireKms && row.Encryption != "Unknown" && row.Encryption != "NotSupported" && row.Encryption != "SSE-KMS" && row.Encryption != "DSSE-KMS")
            {
                Add(KmsRequired, $"Default encryption is {row.Encryption}; -RequireKms asks for SSE-KMS.");
            }

            if (row.Versioning == "Unknown") Unknown(VersioningOff, "Versioning");
            else if (row.Versioning == "Off" || row.Versioning == "Suspended") Add(VersioningOff, $"Versioning is {row.Versioning}.");

            if (request.RequireObjectLock)
            {
                if (row.ObjectLockEnabled == null) Unknown(ObjectLockOff, "ObjectLockEnabled");
                else if (Unsupported(row, "ObjectLockEnabled")) Add(ObjectLockOff, $"{row.Provider} does not support object lock.");
                else if (row.ObjectLockEnabled == false) Add(ObjectLockOff, "Object lock is not enabled.");
                else if (row.DefaultRetentionMode == "None") Add(ObjectLockNoDefaultRetention, "Object lock is enabled but has no default retention, so new objects are not locked.");
            }

            if (row.LoggingEnabled == null) Unknown(LoggingOff, "LoggingEnabled");
            else if (row.LoggingEnabled == false && !Unsupported(row, "LoggingEnabled")) Add(LoggingOff, "The bucket has no server access logging configuration.");
            else if (row.LoggingEnabled == false && row.Provider == S3Provider.Exoscale)
            {
                // Not a pass: whether requests are recorded depends on a gateway or data events S3Audit cannot see from here.
                findings.Add(LoggingUnavailable(row));
            }

            bool?[] flags = { row.BlockPublicAcls, row.IgnorePublicAcls, row.BlockPublicPolicy, row.RestrictPublicBuckets };
            if (!Unsupported(row, "BlockPublicAccess"))
            {
                if (flags.Contains(false))
                {
                    Add(BlockPublicAccessIncomplete, $"Off: {string.Join(", ", FlagNames.Where((_, i) => flags[i] == false))}" +
                        $"{(flags.Contains(null) ? "; unknown: " + string.Join(", ", FlagNames.Where((_, i) => flags[i] == null)) : string.Empty)} ({row.PublicAccessBlockDetail}).");
                }
                else if (flags.Contains(null))
                {
                    Unknown(BlockPublicAccessIncomplete, "BlockPublicAccess");
                }
            }

            if (row.ObjectOwnership == "Unknown") Unknown(AclsInForce, "ObjectOwnership");
            else if (row.ObjectOwnership == "ObjectWriter" || row.ObjectOwnership == "BucketOwnerPreferred") Add(AclsInForce, $"Object Ownership is {row.ObjectOwnership}.");

            if (row.SecureTransportEnforced == null) Unknown(NoSecureTransportPolicy, "SecureTransportEnforced");
            else if (row.SecureTransportEnforced == false && !Unsupported(row, "SecureTransportEnforced")) Add(NoSecureTransportPolicy, row.HasPolicy == true ? "The bucket policy has no Deny on aws:SecureTransport false." : "The bucket has no policy.");

            return findings;
        }

        private static readonly string[] FlagNames = { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" };

        /// <summary>The provider lacks the setting: its yes/no column is false, but that is no finding of its own.</summary>
        private static bool Unsupported(S3AuditBucket row, string setting) =>
            row.UnsupportedSettings.Split(new[] { ", " }, System.StringSplitOptions.RemoveEmptyEntries).Contains(setting);

        private static S3AuditBucketFinding LoggingUnavailable(S3AuditBucket row) => new S3AuditBucketFinding
        {
            BucketName = row.BucketName,
            CheckId = LoggingNotSupported.Id,
            Severity = LoggingNotSupported.Severity!.Value,
            Result = S3AuditResult.Unknown,
            Title = LoggingNotSupported.Title,
            Detail = $"{row.Provider} keeps no server access log, so who read or changed this bucket is recorded only if requests go through a logging gateway or data events are delivered.",
            Remediation = Providers.ProviderCapabilities.For(row.Provider).AlternativeTo(Providers.S3Feature.ServerAccessLogging) ?? string.Empty,
            ProwlerCheckId = LoggingNotSupported.Prowler,
            ScoutSuiteCheckId = LoggingNotSupported.ScoutSuite,
            Provider = row.Provider,
        };

        private static string Reason(S3AuditBucket row, string setting) =>
            row.Unreadable.Split(new[] { " | " }, System.StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(r => r.StartsWith(setting + ":", System.StringComparison.Ordinal)) ?? "see Unreadable";
    }
}
