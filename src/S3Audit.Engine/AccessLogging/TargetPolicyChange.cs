using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>A change to a target's bucket policy, worked out from a read that succeeded (never from an unread policy).</summary>
    internal sealed class TargetPolicyChange
    {
        private TargetPolicyChange(string? before, PolicyMergeResult merged)
        {
            Before = before;
            After = merged.Policy;
            Changed = merged.Changed;
        }

        public string? Before { get; }
        public string? After { get; }
        public bool Changed { get; }

        /// <summary>
        /// Reads the target's policy and applies <paramref name="merge"/> to it. Null after writing an error when the policy
        /// cannot be read (anything but "no policy") or parsed: then nothing may be written.
        /// </summary>
        public static async Task<TargetPolicyChange?> PlanAsync(S3Session session, string target, Func<string?, Task<PolicyMergeResult>> merge, IAuditOutput output, CancellationToken ct)
        {
            BucketPolicyRead read = await BucketPolicyReader.ReadAsync(session, target, ct).ConfigureAwait(false);
            if (!read.Readable)
            {
                output.WriteError(new AuditError("AccessLoggingPolicyUnreadable", read.Error!.Kind,
                    $"The bucket policy of target '{target}' could not be read, so it was not changed (a merge into an unknown policy could lose statements): {read.Error.Message}",
                    target, read.Error.Exception));
                return null;
            }

            try
            {
                return new TargetPolicyChange(read.Policy, await merge(read.Policy).ConfigureAwait(false));
            }
            catch (InvalidDataException e)
            {
                output.WriteError(new AuditError("AccessLoggingPolicyInvalid", AuditErrorKind.InvalidData,
                    $"The bucket policy of target '{target}' could not be parsed, so it was not changed: {e.Message}", target, e));
                return null;
            }
        }

        /// <summary>Why the policy read back after the write is not what was written; null when it is.</summary>
        public static async Task<string?> ReadBackProblemAsync(S3Session session, string target, string? before, Func<string?, string?> check, CancellationToken ct)
        {
            BucketPolicyRead read = await BucketPolicyReader.ReadAsync(session, target, ct).ConfigureAwait(false);
            if (!read.Readable)
            {
                return "the policy could not be read back: " + read.Error!.Message;
            }

            return StatementsKept(before, read.Policy) ? check(read.Policy) : $"a statement of the earlier policy of '{target}' is missing or changed";
        }

        /// <summary>True when every statement of <paramref name="before"/> other than S3Audit's is in <paramref name="after"/> unchanged.</summary>
        internal static bool StatementsKept(string? before, string? after)
        {
            // Each earlier statement must match its own statement afterwards: two identical statements need two.
            var unmatched = LoggingPolicyMerger.OtherStatements(after).ToList();
            foreach (string statement in LoggingPolicyMerger.OtherStatements(before))
            {
                int match = unmatched.FindIndex(k => JsonEquality.Equal(statement, k));
                if (match < 0)
                {
                    return false;
                }

                unmatched.RemoveAt(match);
            }

            return true;
        }
    }
}
