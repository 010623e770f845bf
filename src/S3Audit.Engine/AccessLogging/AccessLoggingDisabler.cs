using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// Turns server access logging off (an empty BucketLoggingStatus) and, on request, removes the source from
    /// S3Audit's statement in the target's policy. Same two steps as <see cref="AccessLoggingEnabler"/>.
    /// </summary>
    public sealed class AccessLoggingDisabler
    {
        private readonly S3Session _session;

        /// <summary>Creates a disabler on a session.</summary>
        public AccessLoggingDisabler(S3Session session) => _session = session;

        /// <summary>Reads the current state and works out the change; null after writing an error.</summary>
        public async Task<DisableLoggingPlan?> PlanAsync(DisableLoggingRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            _session.Capabilities.Require(S3Feature.ServerAccessLogging);
            CurrentLogging current;
            try
            {
                current = await CurrentLogging.ReadAsync(_session, request.BucketName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                output.WriteError(S3ErrorClassifier.Classify(e, "GetBucketLogging", request.BucketName));
                return null;
            }

            string target = current.Enabled ? current.Target : request.TargetBucketName ?? string.Empty;
            string prefix = current.Enabled ? current.Prefix : string.IsNullOrEmpty(request.TargetPrefix) ? request.BucketName + "/" : request.TargetPrefix!;
            var plan = new DisableLoggingPlan(request, _session.Provider, current, target, prefix);
            if (request.RemovePermission)
            {
                if (target.Length == 0)
                {
                    output.WriteError(new AuditError("AccessLoggingTargetUnknown", AuditErrorKind.InvalidArgument,
                        $"Logging of '{request.BucketName}' is off, so its target is unknown: name it with -TargetBucketName to remove the permission.", request.BucketName));
                    return null;
                }

                if (!await PlanPolicyAsync(plan, output, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            output.WriteVerbose(plan.Preview());
            return plan;
        }

        /// <summary>Writes the plan and verifies it; null after writing an error.</summary>
        public async Task<S3AccessLoggingResult?> ApplyAsync(DisableLoggingPlan plan, IAuditOutput output, CancellationToken cancellationToken)
        {
            if (!plan.HasChanges)
            {
                return plan.Result(S3AccessLoggingAction.AlreadyDisabled);
            }

            string operation = "PutBucketLogging", bucket = plan.Request.BucketName;
            try
            {
                if (plan.LoggingChanges)
                {
                    await _session.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = bucket, LoggingConfig = new S3BucketLoggingConfig() }, cancellationToken).ConfigureAwait(false);
                }

                bucket = plan.TargetBucketName;
                if (plan.PolicyChanges && plan.PolicyAfter == null)
                {
                    operation = "DeleteBucketPolicy";
                    await _session.Client.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
                }
                else if (plan.PolicyChanges)
                {
                    operation = "PutBucketPolicy";
                    await _session.Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = plan.PolicyAfter }, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                output.WriteError(S3ErrorClassifier.Classify(e, operation, bucket));
                return null;
            }

            string? problem = await VerifyAsync(plan, cancellationToken).ConfigureAwait(false);
            if (problem != null)
            {
                output.WriteError(new AuditError("AccessLoggingVerificationFailed", AuditErrorKind.Other,
                    $"The change was written but does not read back as expected: {problem}.", plan.Request.BucketName));
                return null;
            }

            return plan.Result(S3AccessLoggingAction.Disabled);
        }

        private async Task<bool> PlanPolicyAsync(DisableLoggingPlan plan, IAuditOutput output, CancellationToken ct)
        {
            BucketPolicyRead read = await BucketPolicyReader.ReadAsync(_session, plan.TargetBucketName, ct).ConfigureAwait(false);
            if (!read.Readable)
            {
                output.WriteError(new AuditError("AccessLoggingPolicyUnreadable", read.Error!.Kind,
                    $"The bucket policy of target '{plan.TargetBucketName}' could not be read, so it was not changed: {read.Error.Message}", plan.TargetBucketName, read.Error.Exception));
                return false;
            }

            try
            {
                bool keepResource = await PrefixStillUsedAsync(read.Policy, plan, output, ct).ConfigureAwait(false);
                PolicyMergeResult result = LoggingPolicyMerger.RemoveSource(read.Policy, plan.TargetBucketName, plan.TargetPrefix, plan.Request.BucketName, keepResource);
                plan.PolicyBefore = read.Policy;
                plan.PolicyAfter = result.Policy;
                plan.PolicyChanges = result.Changed;
                return true;
            }
            catch (InvalidDataException e)
            {
                output.WriteError(new AuditError("AccessLoggingPolicyInvalid", AuditErrorKind.InvalidData,
                    $"The bucket policy of target '{plan.TargetBucketName}' could not be parsed, so it was not changed: {e.Message}", plan.TargetBucketName, e));
                return false;
            }
        }

        /// <summary>True when another source named in the statement still logs under the same prefix (its resource must stay).</summary>
        private async Task<bool> PrefixStillUsedAsync(string? policy, DisableLoggingPlan plan, IAuditOutput output, CancellationToken ct)
        {
            foreach (string arn in LoggingPolicyMerger.SourceArns(policy))
            {
                string other = arn.Substring(arn.LastIndexOf(':') + 1);
                if (other == plan.Request.BucketName)
                {
                    continue;
                }

                try
                {
                    CurrentLogging logging = await CurrentLogging.ReadAsync(_session, other, ct).ConfigureAwait(false);
                    if (logging.Target == plan.TargetBucketName && logging.Prefix == plan.TargetPrefix)
                    {
                        return true;
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    output.WriteWarning($"Could not read the logging of '{other}', which shares the statement; the resource for prefix '{plan.TargetPrefix}' is kept: {S3ErrorClassifier.Classify(e, "GetBucketLogging", other).Message}");
                    return true;
                }
            }

            return false;
        }

        private async Task<string?> VerifyAsync(DisableLoggingPlan plan, CancellationToken ct)
        {
            try
            {
                CurrentLogging after = await CurrentLogging.ReadAsync(_session, plan.Request.BucketName, ct).ConfigureAwait(false);
                if (after.Enabled)
                {
                    return $"bucket '{plan.Request.BucketName}' still logs to {after.Describe()}";
                }

                if (!plan.PolicyChanges)
                {
                    return null;
                }

                BucketPolicyRead read = await BucketPolicyReader.ReadAsync(_session, plan.TargetBucketName, ct).ConfigureAwait(false);
                if (!read.Readable)
                {
                    return "the policy could not be read back: " + read.Error!.Message;
                }

                if (!AccessLoggingEnabler.StatementsKept(plan.PolicyBefore, read.Policy))
                {
                    return $"a statement of the earlier policy of '{plan.TargetBucketName}' is missing or changed";
                }

                return LoggingPolicyMerger.SourceArns(read.Policy).Contains(LoggingPolicyMerger.BucketArn(plan.Request.BucketName))
                    ? $"the policy of '{plan.TargetBucketName}' still names '{plan.Request.BucketName}'"
                    : null;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return "the read-back failed: " + S3ErrorClassifier.Classify(e, "read-back", plan.Request.BucketName).Message;
            }
        }
    }
}
