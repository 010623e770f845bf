using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Exposure
{
    /// <summary>The verdict on one statement of a bucket policy.</summary>
    public sealed class StatementVerdict
    {
        internal StatementVerdict(string statementId, string effect, string principal, string actions, bool isPublic, PublicAccess access, string why, bool unscopedService = false)
        {
            UnscopedService = unscopedService;
            StatementId = statementId;
            Effect = effect;
            Principal = principal;
            Actions = actions;
            IsPublic = isPublic;
            Access = access;
            Why = why;
        }

        /// <summary>The Sid, or "Statement[n]".</summary>
        public string StatementId { get; }
        /// <summary>Allow or Deny.</summary>
        public string Effect { get; }
        /// <summary>The principal as written ("NOT " before a NotPrincipal).</summary>
        public string Principal { get; }
        /// <summary>The actions ("NOT " before a NotAction list), joined with ", ".</summary>
        public string Actions { get; }
        /// <summary>True for an Allow that AWS counts as public. A Deny is never public.</summary>
        public bool IsPublic { get; }
        /// <summary>What the statement grants (Allow) or denies (Deny) among read, write and list.</summary>
        public PublicAccess Access { get; }
        /// <summary>Why the statement is or is not public, in one sentence.</summary>
        public string Why { get; }
        /// <summary>A fixed service principal with no aws:SourceArn/aws:SourceAccount: not public, but usable on behalf of any account (confused deputy).</summary>
        public bool UnscopedService { get; }
    }

    /// <summary>The result of <see cref="BucketPolicyEvaluator.Evaluate(string)"/>.</summary>
    public sealed class PolicyEvaluation
    {
        internal PolicyEvaluation(IReadOnlyList<StatementVerdict> statements)
        {
            Statements = statements;
        }

        /// <summary>True when at least one Allow statement is public.</summary>
        public bool IsPublic => Statements.Any(s => s.IsPublic);
        /// <summary>What the public statements grant together.</summary>
        public PublicAccess PublicAccess => Statements.Where(s => s.IsPublic).Aggregate(PublicAccess.None, (all, s) => all | s.Access);
        /// <summary>One verdict per statement, in document order (Deny statements included).</summary>
        public IReadOnlyList<StatementVerdict> Statements { get; }
        /// <summary>The verdicts of the public statements.</summary>
        public IReadOnlyList<StatementVerdict> PublicStatements => Statements.Where(s => s.IsPublic).ToList();
        /// <summary>One readable reason per statement: "Sid: why".</summary>
        public IReadOnlyList<string> Reasons => Statements.Select(s => $"{s.StatementId} ({s.Effect}): {s.Why}").ToList();
    }
}
