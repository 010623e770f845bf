using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Posture
{
    /// <summary>
    /// Reads each bucket's posture into one flat <see cref="S3AuditBucket"/> row (exposure included, judged by
    /// <see cref="ExposureAuditor"/> on the same reads) and runs <see cref="BucketChecks"/> on it.
    /// </summary>
    public sealed class BucketPostureReader
    {
        private readonly S3Session _session;
        private readonly AccountPublicAccessBlockReader? _account;
        private const int ProgressActivityId = 4;
        private readonly BucketSelector _selector;
        private readonly object _exposureGate = new object();
        private ExposureAuditor? _exposure;

        /// <summary>
        /// Creates a reader for one run (one cmdlet invocation): piped buckets share its ListBuckets listing.
        /// Pass <paramref name="account"/> to share one account-level read across auditors.
        /// </summary>
        public BucketPostureReader(S3Session session, AccountPublicAccessBlockReader? account = null)
        {
            _session = session;
            _account = account;
            _selector = new BucketSelector(session);
        }

        /// <summary>
        /// Runs the request: one row per bucket, or its findings with <see cref="BucketPostureRequest.Detailed"/>, in the
        /// order the buckets were selected. <see cref="BucketPostureRequest.ThrottleLimit"/> buckets are read at once;
        /// each bucket's errors are written just before its row, one per failure (see <see cref="BucketErrorOutput"/>).
        /// </summary>
        public async Task RunAsync(BucketPostureRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> buckets = await _selector.SelectAsync(request.BucketNames, output, cancellationToken).ConfigureAwait(false);
            // ListBuckets (for CreationDate) runs alongside the first buckets. Its failure is a warning once a bucket has
            // been read: when the first bucket ends the session (rejected credentials), that error alone is the answer.
            Task<CreationDates> created = CreationDatesAsync(buckets, cancellationToken);
            int written = 0;
            var inOrder = new InOrder<(BucketPostureReport Report, BucketErrorOutput Errors, string? Warning)>(buckets.Count, done =>
            {
                if (written++ == 0 && done.Warning != null)
                {
                    output.WriteWarning(done.Warning);
                }

                done.Errors.Flush();
                RowOrFindings.Write(output, request.Detailed, done.Report.BucketMissing, done.Report.Bucket, done.Report.Findings);
                output.WriteProgress(new AuditProgress(ProgressActivityId, "Get-S3AuditBucket", $"{written} of {buckets.Count} bucket(s) read", 100 * written / Math.Max(1, buckets.Count)));
            });

            ExposureFor(request);
            await BoundedParallel.ForEachAsync(Enumerable.Range(0, buckets.Count), Math.Max(1, request.ThrottleLimit), async (index, ct) =>
            {
                var bucketOutput = new BucketErrorOutput(output);
                BucketPostureReport report = await ReadBucketAsync(buckets[index], request, bucketOutput, ct).ConfigureAwait(false);
                CreationDates dates = await created.ConfigureAwait(false);
                dates.Dates.TryGetValue(buckets[index], out DateTimeOffset? creationDate);
                report.Bucket.CreationDate = creationDate;
                inOrder.Complete(index, (report, bucketOutput, dates.Warning));
            }, cancellationToken).ConfigureAwait(false);

            output.WriteProgress(new AuditProgress(ProgressActivityId, "Get-S3AuditBucket", "Done", 100, completed: true));
        }

        /// <summary>Reads and checks one bucket. Read failures are written to <paramref name="output"/> and make their column Unknown.</summary>
        public async Task<BucketPostureReport> ReadBucketAsync(string bucket, BucketPostureRequest request, IAuditOutput output, CancellationToken cancellationToken,
            DateTimeOffset? creationDate = null, BucketSnapshot? snapshot = null)
        {
            snapshot ??= new BucketSnapshot(_session, bucket, output, cancellationToken);
            ExposureReport exposure = await ExposureFor(request).AuditBucketAsync(bucket, new ExposureRequest(), output, cancellationToken, snapshot).ConfigureAwait(false);
            var row = new S3AuditBucket { BucketName = bucket, Provider = _session.Provider, CreationDate = creationDate, Exposure = exposure.Result.Exposure };
            if (exposure.BucketMissing)
            {
                return new BucketPostureReport(row, Array.Empty<S3AuditBucketFinding>(), exposure);
            }

            var unreadable = new List<string>();
            var unsupported = new List<string>();
            string Text<T>(string column, Readout<T> readout, Func<T, string> read, string notConfigured)
            {
                switch (readout.State)
                {
                    case ReadState.Read: return read(readout.Value!);
                    case ReadState.NotConfigured: return notConfigured;
                    case ReadState.NotSupported:
                        unsupported.Add(column);
                        return "NotSupported";
                    default:
                        unreadable.Add($"{column}: {readout.Reason}");
                        return "Unknown";
                }
            }

            // Yes/no: false when nothing is configured or the provider lacks the setting (it cannot be on), null when unread.
            bool? YesNo<T>(string column, Readout<T> readout, Func<T, bool> read)
            {
                switch (readout.State)
                {
                    case ReadState.Read: return read(readout.Value!);
                    case ReadState.NotConfigured: return false;
                    case ReadState.NotSupported:
                        unsupported.Add(column);
                        return false;
                    default:
                        unreadable.Add($"{column}: {readout.Reason}");
                        return null;
                }
            }

            var settings = new BucketSettingsReader(_session, bucket, output, cancellationToken);
            row.Region = Text("Region", await settings.RegionAsync().ConfigureAwait(false), r => r, string.Empty);

            Readout<VersioningSetting> versioning = await settings.VersioningAsync().ConfigureAwait(false);
            row.Versioning = Text("Versioning", versioning, v => v.Status, "Off");
            row.MfaDelete = Known(versioning, v => v.MfaDelete == "Enabled");

            Readout<ObjectLockSetting> objectLock = await settings.ObjectLockAsync().ConfigureAwait(false);
            row.ObjectLockEnabled = YesNo("ObjectLockEnabled", objectLock, l => l.Enabled);
            row.DefaultRetentionMode = objectLock.State == ReadState.Read ? objectLock.Value!.Mode
                : objectLock.State == ReadState.NotConfigured ? "None"
                : objectLock.State == ReadState.NotSupported ? "NotSupported" : "Unknown";
            row.DefaultRetentionDays = objectLock.Value?.Days;
            row.DefaultRetentionYears = objectLock.Value?.Years;

            Readout<EncryptionSetting> encryption = await settings.EncryptionAsync().ConfigureAwait(false);
            row.Encryption = Text("Encryption", encryption, e => e.Kind, "None");
            row.KmsKeyId = encryption.Value?.KmsKeyId ?? string.Empty;
            row.BucketKeyEnabled = Known(encryption, e => e.BucketKeyEnabled == true);

            Readout<LoggingSetting> logging = await settings.LoggingAsync().ConfigureAwait(false);
            row.LoggingEnabled = YesNo("LoggingEnabled", logging, l => true);
            row.LoggingTarget = logging.Value == null ? string.Empty : logging.Value.TargetBucket + "/" + logging.Value.TargetPrefix;

            EffectivePublicAccessBlock block = exposure.PublicAccessBlock;
            row.PublicAccessBlockDetail = block.NotSupported ? "NotSupported" : block.ToString();
            if (block.NotSupported)
            {
                unsupported.Add("BlockPublicAccess");
            }

            // Every unknown flag has the same reason (the level that could not be read), so it is listed once.
            EffectiveFlag? unknown = Array.Find(new[] { block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets }, f => f.Value == null);
            if (!block.NotSupported && unknown != null)
            {
                unreadable.Add("BlockPublicAccess: " + unknown.Reason);
            }

            row.BlockPublicAcls = Flag(block, block.BlockPublicAcls);
            row.IgnorePublicAcls = Flag(block, block.IgnorePublicAcls);
            row.BlockPublicPolicy = Flag(block, block.BlockPublicPolicy);
            row.RestrictPublicBuckets = Flag(block, block.RestrictPublicBuckets);

            ObjectOwnershipState ownership = await snapshot.OwnershipAsync().ConfigureAwait(false);
            row.ObjectOwnership = ownership.Ownership;
            if (ownership.Ownership == "Unknown")
            {
                unreadable.Add("ObjectOwnership: " + ownership.Reason);
            }
            else if (ownership.Ownership == "NotSupported")
            {
                unsupported.Add("ObjectOwnership");
            }

            Readout<string> policy = await snapshot.PolicyAsync().ConfigureAwait(false);
            row.HasPolicy = YesNo("HasPolicy", policy, p => true);
            row.SecureTransportEnforced = await SecureTransportAsync(snapshot, policy, unreadable, unsupported).ConfigureAwait(false);
            row.WebsiteEnabled = YesNo("WebsiteEnabled", await snapshot.WebsiteAsync().ConfigureAwait(false), w => true);

            row.UnsupportedSettings = string.Join(", ", unsupported);
            row.Unreadable = string.Join(" | ", unreadable);
            IReadOnlyList<S3AuditBucketFinding> findings = BucketChecks.Evaluate(row, request, exposure.Result);
            row.FindingCount = findings.Count;
            return new BucketPostureReport(row, findings, exposure);
        }

        private async Task<bool?> SecureTransportAsync(BucketSnapshot snapshot, Readout<string> policy, List<string> unreadable, List<string> unsupported)
        {
            if (_session.Capabilities.Supports(S3Feature.ExoscaleBucketPolicy) || policy.State == ReadState.NotSupported)
            {
                unsupported.Add("SecureTransportEnforced");
                return false;
            }

            switch (policy.State)
            {
                case ReadState.NotConfigured:
                    return false;
                case ReadState.Unknown:
                    unreadable.Add("SecureTransportEnforced: " + policy.Reason);
                    return null;
            }

            try
            {
                return SecureTransportDetector.Enforces(await snapshot.PolicyDocumentAsync().ConfigureAwait(false));
            }
            catch (PolicyParseException e)
            {
                unreadable.Add("SecureTransportEnforced: the policy could not be parsed: " + e.Message);
                return null;
            }
        }

        /// <summary>A yes/no that follows another setting's read: its value when read, false when nothing is configured or supported, null when unread.</summary>
        private static bool? Known<T>(Readout<T> readout, Func<T, bool> read) =>
            readout.State == ReadState.Read ? read(readout.Value!) : readout.State == ReadState.Unknown ? (bool?)null : false;

        private static bool? Flag(EffectivePublicAccessBlock block, EffectiveFlag flag) => block.NotSupported ? false : flag.Value;

        /// <summary>One auditor, so one account-level reader (one STS and S3 Control read), for every bucket of the run.</summary>
        private ExposureAuditor ExposureFor(BucketPostureRequest request)
        {
            lock (_exposureGate)
            {
                return _exposure ??= new ExposureAuditor(_session, _account ?? new AccountPublicAccessBlockReader(_session, request.StsEndpoint, request.S3ControlEndpoint));
            }
        }

        private async Task<CreationDates> CreationDatesAsync(IReadOnlyList<string> buckets, CancellationToken cancellationToken)
        {
            try
            {
                return new CreationDates(await _selector.ListCreationDatesAsync(buckets, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A session that ends here ends at the first bucket, too, and says so there.
                string warning = "CreationDate is left empty: ListBuckets failed: " + S3ErrorClassifier.Classify(e, "ListBuckets", "*").Message;
                return new CreationDates(new Dictionary<string, DateTimeOffset?>(), warning);
            }
        }

        private sealed class CreationDates
        {
            public CreationDates(IReadOnlyDictionary<string, DateTimeOffset?> dates, string? warning)
            {
                Dates = dates;
                Warning = warning;
            }

            public IReadOnlyDictionary<string, DateTimeOffset?> Dates { get; }
            public string? Warning { get; }
        }
    }
}
