using System;
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
            CurrentLogging? current = await CurrentLogging.TryReadAsync(_session, request.BucketName, output, cancellationToken).ConfigureAwait(false);
            if (current == null)
            {
                return null;
            }

            string target = current.Enabled ? current.Target : request.TargetBucketName ?? string.Empty;
            string prefix = current.Enabled ? current.Prefix : request.EffectivePrefix;
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
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
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
            TargetPolicyChange? change = await TargetPolicyChange.PlanAsync(_session, plan.TargetBucketName, async current =>
            {
                bool keepResource = await PrefixStillUsedAsync(current, plan, output, ct).ConfigureAwait(false);
                return LoggingPolicyMerger.RemoveSource(current, plan.TargetBucketName, plan.TargetPrefix, plan.Request.BucketName, keepResource);
            }, output, ct).ConfigureAwait(false);
            plan.PolicyChange = change;
            return change != null;
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
                    if (logging.LogsTo(plan.TargetBucketName, plan.TargetPrefix))
                    {
                        return true;
                    }
                }
                catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
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

                string bucketArn = LoggingPolicyMerger.BucketArn(plan.Request.BucketName);
                return await TargetPolicyChange.ReadBackProblemAsync(_session, plan.TargetBucketName, plan.PolicyBefore,
                    after => LoggingPolicyMerger.SourceArns(after).Contains(bucketArn) ? $"the policy of '{plan.TargetBucketName}' still names '{plan.Request.BucketName}'" : null,
                    ct).ConfigureAwait(false);
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
            {
                return "the read-back failed: " + S3ErrorClassifier.Classify(e, "read-back", plan.Request.BucketName).Message;
            }
        }
    }
}
