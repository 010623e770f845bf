using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Acl;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// Judges each bucket's public exposure the way the provider enforces it: ACL path, policy path, object ACLs
    /// and website, with Block Public Access (bucket and account, flag by flag) and Object Ownership applied.
    /// Masked public configuration is Latent; an unreadable path is Unknown, never a pass.
    /// </summary>
    public sealed class ExposureAuditor
    {
        private const int ProgressActivityId = 2;
        private readonly S3Session _session;
        private readonly BucketSelector _selector;
        private AccountPublicAccessBlockReader? _account;

        /// <summary>
        /// Creates an auditor for one run (one cmdlet invocation): piped wildcards share its ListBuckets listing.
        /// Pass <paramref name="account"/> to share one account-level read across auditors.
        /// </summary>
        public ExposureAuditor(S3Session session, AccountPublicAccessBlockReader? account = null)
        {
            _session = session;
            _account = account;
            _selector = new BucketSelector(session);
        }

        /// <summary>Runs the request: one <see cref="S3ExposureResult"/> per bucket, or its findings with <see cref="ExposureRequest.Detailed"/>.</summary>
        public async Task RunAsync(ExposureRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            foreach (string bucket in await _selector.SelectAsync(request.BucketNames, output, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bucketOutput = new BucketErrorOutput(output);
                ExposureReport report = await AuditBucketAsync(bucket, request, bucketOutput, cancellationToken).ConfigureAwait(false);
                bucketOutput.Flush();
                RowOrFindings.Write(output, request.Detailed, report.BucketMissing, report.Result, report.Findings);
            }
        }

        /// <summary>
        /// Judges one bucket. Read failures are written to <paramref name="output"/> and make their path Unknown.
        /// Pass a <paramref name="snapshot"/> to share reads with <c>BucketPostureReader</c>.
        /// </summary>
        public async Task<ExposureReport> AuditBucketAsync(string bucket, ExposureRequest request, IAuditOutput output, CancellationToken cancellationToken, BucketSnapshot? snapshot = null)
        {
            snapshot ??= new BucketSnapshot(_session, bucket, output, cancellationToken);
            _account ??= new AccountPublicAccessBlockReader(_session, request.StsEndpoint, request.S3ControlEndpoint);
            var causes = new List<Cause>();
            var notes = new List<string>();

            // The policy is read first: every provider has one, and a missing bucket stops here with one error.
            Readout<string> policy = await snapshot.PolicyAsync().ConfigureAwait(false);
            if (policy.State == ReadState.Unknown && policy.ErrorKind == AuditErrorKind.NotFound)
            {
                S3ExposureResult missing = ExposureVerdict.Build(bucket, _session.Provider, causes, new[] { policy.Reason }, null, null, null);
                missing.Exposure = S3ExposureLevel.Unknown;
                var none = Readout<PublicAccessBlockFlags>.Unknown(policy.Reason, AuditErrorKind.NotFound);
                return new ExposureReport(missing, Array.Empty<S3ExposureFinding>(), new EffectivePublicAccessBlock(none, none), bucketMissing: true);
            }

            var block = new EffectivePublicAccessBlock(
                await snapshot.PublicAccessBlockAsync().ConfigureAwait(false),
                await _account.ReadAsync(output, cancellationToken).ConfigureAwait(false));

            if (!block.NotSupported)
            {
                output.WriteVerbose($"Bucket '{bucket}': Block Public Access {block}.");
            }

            bool? viaPolicy = await JudgePolicyAsync(bucket, snapshot, policy, block, causes, output).ConfigureAwait(false);
            bool? viaAcl = await JudgeBucketAclAsync(bucket, snapshot, block, causes, notes).ConfigureAwait(false);
            bool? viaObjectAcl = null;
            if (request.IncludeObjects)
            {
                viaObjectAcl = await JudgeObjectAclsAsync(bucket, request, snapshot, block, causes, notes, output, cancellationToken).ConfigureAwait(false);
            }

            await JudgeWebsiteAsync(bucket, snapshot, causes, notes).ConfigureAwait(false);
            S3ExposureResult result = ExposureVerdict.Build(bucket, _session.Provider, causes, notes, viaAcl, viaPolicy, viaObjectAcl);
            return new ExposureReport(result, causes.Select(c => c.Finding).ToList(), block);
        }

        /// <summary>
        /// Exoscale's own language where the provider is Exoscale and the document is not AWS JSON; otherwise AWS's rules
        /// on the document <paramref name="parsed"/> gives (the snapshot's, parsed once for every reader of the policy).
        /// </summary>
        internal static async Task<PolicyEvaluation> EvaluatePolicyAsync(S3Provider provider, string policyText, Func<Task<PolicyDocument>> parsed) =>
            ProviderCapabilities.For(provider).Supports(S3Feature.ExoscaleBucketPolicy) && policyText.IndexOf("\"Statement\"", StringComparison.Ordinal) < 0
                ? ExoscalePolicyEvaluator.Evaluate(policyText)
                : BucketPolicyEvaluator.Evaluate(await parsed().ConfigureAwait(false));

        /// <summary>One cause per public statement (masked as the bucket's Block Public Access says) and one informational row per Deny or unscoped service principal.</summary>
        internal static void AddPolicyCauses(string bucket, S3Provider provider, PolicyEvaluation evaluation, ExposureMask mask, List<Cause> causes)
        {
            foreach (StatementVerdict statement in evaluation.Statements)
            {
                bool informational = !statement.IsPublic && (!statement.Effect.Equals("Allow", StringComparison.Ordinal) || statement.UnscopedService);
                if (!statement.IsPublic && !informational)
                {
                    continue;
                }

                S3ExposureLevel level = statement.IsPublic ? mask.Level : S3ExposureLevel.NotPublic;
                causes.Add(new Cause(new S3ExposureFinding
                {
                    BucketName = bucket,
                    Path = "Policy",
                    Exposure = level,
                    StatementId = statement.StatementId,
                    Principal = statement.Principal,
                    Actions = statement.Actions,
                    Why = statement.Why + (statement.IsPublic ? mask.Why : string.Empty),
                    Severity = ExposureVerdict.Severity(level, statement.Access),
                    Remediation = statement.IsPublic ? ExposureRemediation.ForPolicy(level, provider, statement.StatementId) : string.Empty,
                    MaskedBy = level == S3ExposureLevel.Latent ? mask.MaskedBy : string.Empty,
                    Provider = provider,
                }, statement.Access));
            }
        }

        private async Task<bool?> JudgePolicyAsync(string bucket, BucketSnapshot snapshot, Readout<string> policy, EffectivePublicAccessBlock block, List<Cause> causes, IAuditOutput output)
        {
            switch (policy.State)
            {
                case ReadState.NotConfigured:
                    return false;
                case ReadState.NotSupported:
                    return null;
                case ReadState.Unknown:
                    causes.Add(Unreadable(bucket, "Policy", "The bucket policy could not be read: " + policy.Reason, "s3:GetBucketPolicy"));
                    return null;
            }

            PolicyEvaluation evaluation;
            try
            {
                evaluation = await EvaluatePolicyAsync(_session.Provider, policy.Value!, snapshot.PolicyDocumentAsync).ConfigureAwait(false);
            }
            catch (PolicyParseException e)
            {
                output.WriteError(new AuditError("BucketPolicyInvalid", AuditErrorKind.InvalidData, $"The policy of bucket '{bucket}' could not be judged: {e.Message}", bucket, e));
                causes.Add(Unreadable(bucket, "Policy", "The bucket policy could not be parsed: " + e.Message, "a valid policy"));
                return null;
            }

            AddPolicyCauses(bucket, _session.Provider, evaluation, ExposureMask.ForPolicy(block), causes);
            return evaluation.IsPublic;
        }

        private async Task<bool?> JudgeBucketAclAsync(string bucket, BucketSnapshot snapshot, EffectivePublicAccessBlock block, List<Cause> causes, List<string> notes)
        {
            Readout<IReadOnlyList<S3AuditAclGrant>> acl = await snapshot.AclAsync().ConfigureAwait(false);
            if (acl.State == ReadState.NotSupported)
            {
                notes.Add(_session.Capabilities.AclAnswerIsFixed
                    ? $"ACLs not judged: {_session.Provider}'s ACL answer is fixed and does not govern access; the anonymous bucket policy decides."
                    : "ACLs not judged: " + acl.Reason);
                return null;
            }

            if (acl.State == ReadState.Unknown)
            {
                causes.Add(Unreadable(bucket, "Acl", "The bucket ACL could not be read: " + acl.Reason, "s3:GetBucketAcl"));
                return null;
            }

            ObjectOwnershipState ownership = await snapshot.OwnershipAsync().ConfigureAwait(false);
            List<S3AuditAclGrant> grants = acl.Value!.Where(g => g.IsPublic).ToList();
            AddAclCauses(bucket, string.Empty, grants, ExposureMask.ForAcl(ownership, block), causes);
            if (grants.Count == 0 && block.IgnorePublicAcls.Value == true && _session.Provider == S3Provider.Aws)
            {
                notes.Add("IgnorePublicAcls is on: AWS leaves public grants out of GetBucketAcl, so a masked public ACL cannot be seen.");
            }

            return grants.Count > 0;
        }

        private async Task<bool?> JudgeObjectAclsAsync(string bucket, ExposureRequest request, BucketSnapshot snapshot, EffectivePublicAccessBlock block,
            List<Cause> causes, List<string> notes, IAuditOutput output, CancellationToken cancellationToken)
        {
            if (!_session.Capabilities.Supports(S3Feature.Acl))
            {
                notes.Add($"Object ACLs not checked: {_session.Provider}'s ACLs do not govern access.");
                return null;
            }

            ExposureMask mask = ExposureMask.ForAcl(await snapshot.OwnershipAsync().ConfigureAwait(false), block);
            var found = new List<Cause>();
            ObjectAclScanResult scan;
            try
            {
                scan = await ObjectAclScan.ListAndReadAsync(_session, bucket, _session.Region, request.Prefix, true, request.MaxObjects, request.ThrottleLimit, ProgressActivityId, null, (key, grants) =>
                {
                    lock (found)
                    {
                        AddAclCauses(bucket, key, grants.Where(g => g.IsPublic).ToList(), mask, found);
                    }
                }, output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                AuditError error = S3ErrorClassifier.Classify(e, "ListObjectsV2", bucket);
                output.WriteError(error);
                causes.Add(Unreadable(bucket, "ObjectAcl", "The objects could not be listed: " + error.Message, "s3:ListBucket"));
                return null;
            }

            int done = scan.Done, failed = scan.Failed;
            causes.AddRange(found.OrderBy(c => c.Finding.Key, StringComparer.Ordinal));
            string scope = $"{done} object(s){(string.IsNullOrEmpty(request.Prefix) ? string.Empty : $" under '{request.Prefix}'")}{(request.MaxObjects > 0 && done >= request.MaxObjects ? $" (limited by -MaxObjects {request.MaxObjects})" : string.Empty)}";
            if (failed > 0)
            {
                causes.Add(Unreadable(bucket, "ObjectAcl", $"{failed} of {scope} could not be read.", "s3:GetObjectAcl"));
            }

            // A partial scan that found nothing public proves nothing about the objects it did not read: Unknown, never a pass.
            bool partial = scan.Truncated && found.Count == 0;
            if (partial)
            {
                causes.Add(Unreadable(bucket, "ObjectAcl", $"Only the first {done} object(s){(string.IsNullOrEmpty(request.Prefix) ? string.Empty : $" under '{request.Prefix}'")} were checked (-MaxObjects {request.MaxObjects}): the objects after them were not read, so an object ACL may still make one public.", string.Empty,
                    $"Run again without -MaxObjects (or with a larger one) to check every object{(string.IsNullOrEmpty(request.Prefix) ? string.Empty : $" under '{request.Prefix}'")}."));
            }

            notes.Add($"Object ACLs checked: {scope}.");
            return found.Count > 0 ? true : failed > 0 || partial ? (bool?)null : false;
        }

        private async Task JudgeWebsiteAsync(string bucket, BucketSnapshot snapshot, List<Cause> causes, List<string> notes)
        {
            List<Cause> readable = causes.Where(c => !c.Informational && (c.Access & PublicAccess.Read) != 0 &&
                (c.Finding.Exposure == S3ExposureLevel.Public || c.Finding.Exposure == S3ExposureLevel.Latent)).ToList();
            if (readable.Count == 0)
            {
                return;
            }

            Readout<string> website = await snapshot.WebsiteAsync().ConfigureAwait(false);
            if (website.State == ReadState.Unknown)
            {
                notes.Add("Website hosting could not be read: " + website.Reason);
                return;
            }

            if (website.State != ReadState.Read)
            {
                return;
            }

            S3ExposureLevel level = readable.Any(c => c.Finding.Exposure == S3ExposureLevel.Public) ? S3ExposureLevel.Public : S3ExposureLevel.Latent;
            causes.Add(new Cause(new S3ExposureFinding
            {
                BucketName = bucket,
                Path = "Website",
                Exposure = level,
                Principal = "*",
                Actions = "website GET",
                Why = $"Website hosting is on (index '{website.Value}'): the website endpoint serves to anyone what the public can read.",
                Severity = ExposureVerdict.Severity(level, PublicAccess.Read),
                Remediation = "Turn website hosting off, or serve the content through a CDN with origin access control and keep the bucket private.",
                MaskedBy = level == S3ExposureLevel.Latent ? string.Join("; ", readable.Select(c => c.Finding.MaskedBy).Distinct()) : string.Empty,
                Provider = _session.Provider,
            }, PublicAccess.Read));
        }

        private void AddAclCauses(string bucket, string key, IEnumerable<S3AuditAclGrant> grants, ExposureMask mask, List<Cause> causes)
        {
            foreach (S3AuditAclGrant grant in grants)
            {
                PublicAccess access = AclAccess(grant.Permission, key.Length > 0);
                causes.Add(new Cause(new S3ExposureFinding
                {
                    BucketName = bucket,
                    Key = key,
                    Path = key.Length > 0 ? "ObjectAcl" : "Acl",
                    Exposure = mask.Level,
                    Principal = grant.PublicGroup,
                    Actions = grant.Permission,
                    Why = $"The {(key.Length > 0 ? "object" : "bucket")} ACL grants {grant.Permission} to {grant.PublicGroup} ({(grant.PublicGroup == "AllUsers" ? "anyone, signed or not" : "any AWS account")}).{mask.Why}",
                    Severity = ExposureVerdict.Severity(mask.Level, access),
                    Remediation = ExposureRemediation.ForAcl(mask.Level, _session.Provider, grant.PublicGroup, key),
                    MaskedBy = mask.Level == S3ExposureLevel.Latent ? mask.MaskedBy : string.Empty,
                    Provider = _session.Provider,
                }, access));
            }
        }

        /// <summary>Bucket READ lists, object READ reads; the ACP permissions read or change the ACL itself.</summary>
        internal static PublicAccess AclAccess(string permission, bool onObject) => permission switch
        {
            "READ" => onObject ? PublicAccess.Read : PublicAccess.List,
            "WRITE" => PublicAccess.Write,
            "READ_ACP" => PublicAccess.Read,
            "WRITE_ACP" => PublicAccess.Write,
            "FULL_CONTROL" => onObject ? PublicAccess.Read | PublicAccess.Write : PublicAccess.Read | PublicAccess.Write | PublicAccess.List,
            _ => PublicAccess.Read,
        };

        private Cause Unreadable(string bucket, string path, string why, string permission, string? remediation = null) =>
            new Cause(new S3ExposureFinding
            {
                BucketName = bucket,
                Path = path,
                Exposure = S3ExposureLevel.Unknown,
                Why = why,
                Severity = ExposureVerdict.Severity(S3ExposureLevel.Unknown, PublicAccess.None),
                Remediation = remediation ?? ExposureRemediation.ForUnreadable(permission),
                Provider = _session.Provider,
            }, PublicAccess.None);
    }
}
