using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Audit.Checks;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Text;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Audits one target: opens its session, selects its buckets, runs every enabled check. Failures are errors, never exceptions.</summary>
    internal sealed class TargetAuditor
    {
        private readonly AuditCheckRegistry _registry;
        private readonly Func<S3ConnectionOptions, S3Session> _openSession;
        private readonly Func<string, string?> _environment;

        public TargetAuditor(AuditCheckRegistry registry, Func<S3ConnectionOptions, S3Session> openSession, Func<string, string?> environment)
        {
            _registry = registry;
            _openSession = openSession;
            _environment = environment;
        }

        public async Task<TargetOutcome> AuditAsync(AuditTarget target, AuditConfig config, IAuditOutput output, CancellationToken cancellationToken)
        {
            var outcome = new TargetOutcome(target.Name);
            var targetOutput = new TargetErrorOutput(output, target.Name);
            S3Session? session = Open(target, targetOutput);
            if (session != null)
            {
                using (session)
                {
                    IReadOnlyList<string>? buckets = await SelectBucketsAsync(target, session, targetOutput, cancellationToken).ConfigureAwait(false);
                    if (buckets != null)
                    {
                        outcome.BucketCount = buckets.Count;
                        await RunChecksAsync(target, config, session, buckets, targetOutput, outcome, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            outcome.FirstError = targetOutput.FirstError;
            return outcome;
        }

        private S3Session? Open(AuditTarget target, IAuditOutput output)
        {
            try
            {
                S3Session session = _openSession(TargetConnection.Options(target, _environment));
                output.WriteVerbose($"{session.CredentialSource} Region {session.Region}, provider {session.Provider}.");
                return session;
            }
            catch (CredentialResolutionException e)
            {
                output.WriteError(new AuditError("TargetCredentialsNotFound", AuditErrorKind.InvalidCredentials, e.Message, target.Name, e));
            }
            catch (ArgumentException e)
            {
                output.WriteError(new AuditError("TargetInvalidEndpoint", AuditErrorKind.InvalidArgument, e.Message, target.Name, e));
            }
            catch (Exception e)
            {
                // A profile the SDK cannot use (SSO not logged in, a broken credential process) fails this target only.
                output.WriteError(new AuditError("TargetSessionFailed", S3ErrorClassifier.KindOf(e), $"The connection could not be set up: {e.Message}", target.Name, e));
            }

            return null;
        }

        private static async Task<IReadOnlyList<string>?> SelectBucketsAsync(AuditTarget target, S3Session session, IAuditOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> selected;
            try
            {
                selected = await new BucketSelector(session).SelectAsync(target.Include, output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Ids TargetAccessDenied, TargetConnectionFailed ...; the target is the audit target's name.
                output.WriteError(S3ErrorClassifier.ClassifyEntity(e, "ListBuckets", "the account", target.Name, "Target"));
                return null;
            }

            Wildcard[] excluded = Wildcard.CompileAll(target.Exclude);
            List<string> buckets = selected.Where(b => !Wildcard.AnyMatch(excluded, b)).ToList();
            output.WriteVerbose($"{buckets.Count} bucket(s) selected ({selected.Count - buckets.Count} excluded).");
            return buckets;
        }

        private async Task RunChecksAsync(AuditTarget target, AuditConfig config, S3Session session, IReadOnlyList<string> buckets, IAuditOutput output, TargetOutcome outcome, CancellationToken cancellationToken)
        {
            var collector = new FindingCollector();
            var reviews = new BucketReviews(session);
            foreach (AuditCheckSettings settings in config.Checks)
            {
                var context = new AuditCheckContext(target, session, buckets, settings, config.Thresholds, output, collector, reviews);
                if (!_registry.TryGet(settings.Name, out IAuditCheck check))
                {
                    outcome.UnavailableChecks.Add(settings.Name);
                    context.Unknown(string.Empty, "CheckNotAvailable", $"The check '{settings.Name}' is not available in this build, so it was not run.", "Use an S3Audit build that includes this check.");
                    continue;
                }

                try
                {
                    await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    output.WriteError(new AuditError("CheckFailed", S3ErrorClassifier.KindOf(e), $"The check '{settings.Name}' failed: {e.Message}", target.Name, e));
                    context.Unknown(string.Empty, "CheckFailed", $"The check '{settings.Name}' stopped with an error, so its results are incomplete.", "See the error for the cause and run again.");
                }
            }

            outcome.Findings.AddRange(collector.Findings);
            outcome.Activity.AddRange(collector.Activity);
        }
    }
}
