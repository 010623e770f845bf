using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;
using S3Audit.Engine.Text;

namespace S3Audit.Engine.Lyve
{
    /// <summary>Get-LyveAuditTarget: the recorded targets, each re-validated on its own endpoint with the caller's credentials.</summary>
    public sealed class LyveTargetReviewer
    {
        private readonly LyveTargetStore _store;
        private readonly S3ConnectionOptions _callerOptions;

        /// <summary>Creates a reviewer over a store; endpoint and region of each record replace the caller's unless the caller set them.</summary>
        public LyveTargetReviewer(LyveTargetStore store, S3ConnectionOptions callerOptions)
        {
            _store = store;
            _callerOptions = callerOptions;
        }

        /// <summary>Writes one <see cref="LyveAuditTarget"/> per recorded target whose bucket matches a pattern (all when none).</summary>
        public async Task RunAsync(IList<string> bucketPatterns, bool validate, IAuditOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<LyveTargetRecord> records;
            try
            {
                records = _store.Load();
            }
            catch (InvalidDataException e)
            {
                output.WriteError(new AuditError("LyveSettingsInvalid", AuditErrorKind.InvalidData, e.Message, _store.Path, e));
                return;
            }

            Wildcard[] patterns = Wildcard.CompileAll(bucketPatterns);
            // An explicit -EndpointUrl narrows the review to the targets recorded for that endpoint.
            string endpoint = (_callerOptions.EndpointUrl ?? string.Empty).TrimEnd('/');
            List<LyveTargetRecord> selected = records
                .Where(r => endpoint.Length == 0 || LyveTargetStore.SameEndpoint(r.EndpointUrl, endpoint))
                .Where(r => patterns.Length == 0 || Wildcard.AnyMatch(patterns, r.BucketName)).ToList();
            if (selected.Count == 0)
            {
                output.WriteVerbose($"No recorded Lyve audit target{(patterns.Length == 0 ? string.Empty : " matches " + string.Join(", ", bucketPatterns))} in {_store.Path}.");
            }

            foreach (LyveTargetRecord record in selected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LyveAuditTarget? target = validate ? await ValidateAsync(record, output, cancellationToken).ConfigureAwait(false) : Unvalidated(record);
                if (target != null)
                {
                    LyveTargetRecorder.MarkRecorded(target, record, _store);
                    output.WriteObject(target);
                }
            }
        }

        private async Task<LyveAuditTarget?> ValidateAsync(LyveTargetRecord record, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                using S3Session session = S3Session.Open(OptionsFor(record), output.WriteVerbose);
                return await new LyveTargetValidator(session).ValidateAsync(record.BucketName, cancellationToken).ConfigureAwait(false);
            }
            catch (FeatureNotSupportedException e)
            {
                output.WriteError(new AuditError("FeatureNotSupported", AuditErrorKind.NotSupported, $"Recorded target '{record.BucketName}' on {record.EndpointUrl}: {e.Message}", record.BucketName, e));
            }
            catch (Exception e) when (e is CredentialResolutionException || e is ArgumentException)
            {
                output.WriteError(new AuditError("LyveTargetSessionFailed", AuditErrorKind.InvalidCredentials, $"Recorded target '{record.BucketName}' on {record.EndpointUrl} could not be checked: {e.Message}", record.BucketName, e));
            }
            catch (AuditException e) when (EndpointGuard.EndsSession(e) && !cancellationToken.IsCancellationRequested)
            {
                // Each recorded target has its own endpoint: one that cannot be reached (or rejects the keys) is this
                // target's error and a row that says so; the other targets are still checked.
                output.WriteError(new AuditError(e.Error.ErrorId, e.Error.Kind, $"Recorded target '{record.BucketName}': {e.Error.Message}", record.BucketName));
                LyveAuditTarget row = Unvalidated(record);
                row.Reasons = e.Error.Message;
                return row;
            }

            return null;
        }

        private S3ConnectionOptions OptionsFor(LyveTargetRecord record) => new S3ConnectionOptions
        {
            AccessKey = _callerOptions.AccessKey,
            SecretKey = _callerOptions.SecretKey,
            SessionToken = _callerOptions.SessionToken,
            KeysFromCredentialObject = _callerOptions.KeysFromCredentialObject,
            ProfileName = _callerOptions.ProfileName,
            ProfileLocation = _callerOptions.ProfileLocation,
            ForcePathStyle = _callerOptions.ForcePathStyle,
            // A recorded target is on Lyve Cloud whatever its endpoint's host name says (an alias, a private endpoint).
            Provider = _callerOptions.Provider ?? S3Provider.Lyve,
            MaxAttempts = _callerOptions.MaxAttempts,
            Timeout = _callerOptions.Timeout,
            EndpointUrl = record.EndpointUrl,
            Region = string.IsNullOrEmpty(_callerOptions.Region) ? record.Region : _callerOptions.Region,
        };

        private static LyveAuditTarget Unvalidated(LyveTargetRecord record) => new LyveAuditTarget
        {
            BucketName = record.BucketName,
            EndpointUrl = record.EndpointUrl,
            Region = record.Region,
            Reasons = "Not re-validated (-NoValidation).",
            RemainingStep = LyveTargetValidator.ConsoleStep,
        };
    }
}
