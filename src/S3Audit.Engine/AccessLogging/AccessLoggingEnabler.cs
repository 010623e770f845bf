using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// Turns on server access logging in two steps: <see cref="PlanAsync"/> only reads (preflight rules, current logging,
    /// current policy) and works out the change; <see cref="ApplyAsync"/> writes it, reads it back and verifies it.
    /// The caller asks for confirmation in between (-WhatIf stops after the plan).
    /// </summary>
    public sealed class AccessLoggingEnabler
    {
        private readonly S3Session _session;

        /// <summary>Creates an enabler on a session.</summary>
        public AccessLoggingEnabler(S3Session session) => _session = session;

        /// <summary>
        /// Checks the rules and works out the change without writing anything. Null after writing an error when a rule
        /// fails or something cannot be read. Throws <see cref="FeatureNotSupportedException"/> on providers without access logging.
        /// </summary>
        public async Task<EnableLoggingPlan?> PlanAsync(EnableLoggingRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            _session.Capabilities.Require(S3Feature.ServerAccessLogging);
            if (string.IsNullOrEmpty(request.BucketName) || string.IsNullOrEmpty(request.TargetBucketName))
            {
                throw new ArgumentException("Both the source bucket and -TargetBucketName are required.");
            }

            PreflightFindings? preflight = await new LoggingPreflight(_session).CheckAsync(request, output, cancellationToken).ConfigureAwait(false);
            if (preflight == null)
            {
                return null;
            }

            CurrentLogging? current = await CurrentLogging.TryReadAsync(_session, request.BucketName, output, cancellationToken).ConfigureAwait(false);
            if (current == null)
            {
                return null;
            }

            if (current.Enabled && !request.Force && !current.LogsTo(request.TargetBucketName, request.EffectivePrefix))
            {
                output.WriteError(new AuditError("AccessLoggingTargetConflict", AuditErrorKind.InvalidArgument,
                    $"Bucket '{request.BucketName}' already logs to {current.Describe()}. PutBucketLogging replaces the whole configuration, so use -Force to switch it to '{request.TargetBucketName}/{request.EffectivePrefix}'.",
                    request.BucketName));
                return null;
            }

            var plan = new EnableLoggingPlan(request, _session.Provider, preflight.SourceAccount, current);
            bool permissionPlanned = request.UseAclGrant
                ? PlanAcl(plan, preflight.TargetAcl, output)
                : await PlanPolicyAsync(plan, output, cancellationToken).ConfigureAwait(false);
            if (permissionPlanned)
            {
                output.WriteVerbose(plan.Preview());
            }

            return permissionPlanned ? plan : null;
        }

        /// <summary>
        /// Writes the plan (permission first, then the logging configuration), reads both back and verifies them.
        /// Writes nothing when the plan has no changes (AlreadyEnabled). Null after writing an error.
        /// </summary>
        public async Task<S3AccessLoggingResult?> ApplyAsync(EnableLoggingPlan plan, IAuditOutput output, CancellationToken cancellationToken)
        {
            EnableLoggingRequest request = plan.Request;
            if (!plan.HasChanges)
            {
                return plan.Result(S3AccessLoggingAction.AlreadyEnabled);
            }

            string operation = "PutBucketPolicy";
            try
            {
                if (plan.PolicyChanges)
                {
                    await _session.Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = request.TargetBucketName, Policy = plan.PolicyAfter }, cancellationToken).ConfigureAwait(false);
                }

                operation = "PutBucketAcl";
                if (plan.AclRequest != null)
                {
                    await _session.Client.PutBucketAclAsync(plan.AclRequest, cancellationToken).ConfigureAwait(false);
                }

                operation = "PutBucketLogging";
                if (plan.LoggingChanges)
                {
                    await _session.Client.PutBucketLoggingAsync(new PutBucketLoggingRequest
                    {
                        BucketName = request.BucketName,
                        LoggingConfig = new S3BucketLoggingConfig
                        {
                            TargetBucketName = request.TargetBucketName,
                            TargetPrefix = request.EffectivePrefix,
                            TargetObjectKeyFormat = LoggingKeyFormat.ToSdk(request.PartitionedPrefix, request.PartitionDateSource),
                        },
                    }, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                string bucket = operation == "PutBucketLogging" ? request.BucketName : request.TargetBucketName;
                AuditError error = S3ErrorClassifier.Classify(e, operation, bucket);
                if (operation == "PutBucketLogging" && (plan.PolicyChanges || plan.AclChanges))
                {
                    // The permission is already in place; leaving it is harmless and a rerun finds it (no rollback that could race other writers).
                    error = new AuditError(error.ErrorId, error.Kind,
                        error.Message + $" The permission on '{request.TargetBucketName}' was already written and stays; a rerun reuses it, and Disable-S3AccessLogging -RemovePermission removes it.",
                        error.Target, error.Exception);
                }

                output.WriteError(error);
                return null;
            }

            if (!await VerifyAsync(plan, output, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return plan.Result(plan.Current.Enabled || !plan.LoggingChanges ? S3AccessLoggingAction.Updated : S3AccessLoggingAction.Enabled);
        }

        private async Task<bool> PlanPolicyAsync(EnableLoggingPlan plan, IAuditOutput output, CancellationToken ct)
        {
            EnableLoggingRequest request = plan.Request;
            TargetPolicyChange? change = await TargetPolicyChange.PlanAsync(_session, request.TargetBucketName,
                current => Task.FromResult(LoggingPolicyMerger.AddSource(current, request.TargetBucketName, request.EffectivePrefix, request.BucketName, plan.SourceAccount)),
                output, ct).ConfigureAwait(false);
            plan.PolicyChange = change;
            return change != null;
        }

        /// <summary>
        /// Merges the LogDelivery grant into the target's ACL as the preflight read it: the one read before the write
        /// serves both the "same account" rule and the merge, so the write repeats every grant that read saw.
        /// </summary>
        private static bool PlanAcl(EnableLoggingPlan plan, SettingRead<GetBucketAclResponse> targetAcl, IAuditOutput output)
        {
            GetBucketAclResponse? acl = targetAcl.Readout.Value;
            if (acl == null)
            {
                // The endpoint answered GetBucketAcl with NotSupported: the owner rule passes, but there are no grants to keep.
                output.WriteError(targetAcl.Error!);
                return false;
            }

            plan.AclBefore = acl.Grants ?? new System.Collections.Generic.List<S3Grant>();
            plan.AclRequest = LogDeliveryAclGrant.IsGranted(acl.Grants) ? null : LogDeliveryAclGrant.Request(plan.Request.TargetBucketName, acl.Grants);
            return true;
        }

        private async Task<bool> VerifyAsync(EnableLoggingPlan plan, IAuditOutput output, CancellationToken ct)
        {
            EnableLoggingRequest request = plan.Request;
            string? problem;
            try
            {
                problem = await PermissionProblemAsync(plan, ct).ConfigureAwait(false);
                CurrentLogging after = await CurrentLogging.ReadAsync(_session, request.BucketName, ct).ConfigureAwait(false);
                if (problem == null && !after.LogsTo(request.TargetBucketName, request.EffectivePrefix))
                {
                    problem = $"bucket '{request.BucketName}' logs to {(after.Enabled ? after.Describe() : "nothing")} after the change";
                }
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
            {
                problem = "the read-back failed: " + S3ErrorClassifier.Classify(e, "read-back", request.BucketName).Message;
            }

            if (problem != null)
            {
                output.WriteError(new AuditError("AccessLoggingVerificationFailed", AuditErrorKind.Other,
                    $"The change was written but does not read back as expected: {problem}. Check the target's policy and the source's logging configuration.", request.BucketName));
            }

            return problem == null;
        }

        private async Task<string?> PermissionProblemAsync(EnableLoggingPlan plan, CancellationToken ct)
        {
            EnableLoggingRequest request = plan.Request;
            if (request.UseAclGrant)
            {
                GetBucketAclResponse acl = await _session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = request.TargetBucketName }, ct).ConfigureAwait(false);
                bool kept = plan.AclBefore.All(g => (acl.Grants ?? new System.Collections.Generic.List<S3Grant>()).Any(a => a.Permission == g.Permission &&
                    a.Grantee?.URI == g.Grantee?.URI && a.Grantee?.CanonicalUser == g.Grantee?.CanonicalUser && a.Grantee?.EmailAddress == g.Grantee?.EmailAddress));
                return !kept ? $"an earlier grant on '{request.TargetBucketName}' is missing" :
                    !LogDeliveryAclGrant.IsGranted(acl.Grants) ? $"the ACL of '{request.TargetBucketName}' does not grant the LogDelivery group" : null;
            }

            return await TargetPolicyChange.ReadBackProblemAsync(_session, request.TargetBucketName, plan.PolicyBefore,
                after => LoggingPolicyMerger.Grants(after, request.TargetBucketName, request.EffectivePrefix, request.BucketName, plan.SourceAccount)
                    ? null
                    : $"the policy of '{request.TargetBucketName}' does not grant delivery from '{request.BucketName}'", ct).ConfigureAwait(false);
        }
    }
}
