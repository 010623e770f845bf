using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// AWS's definition of a public bucket policy (S3 user guide, "The meaning of public"): a policy is public unless
    /// every Allow grants access only to fixed values (no wildcard, no policy variable) of a principal or of one of
    /// the restricting condition keys (aws:SourceIp no broader than /8 or /32, aws:SourceArn, aws:SourceVpc,
    /// aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, aws:PrincipalOrgID, aws:userid, the KMS key id,
    /// s3:DataAccessPointArn, s3:DataAccessPointAccount). Federated principals and NotPrincipal Allows are public;
    /// conditions combine with AND. Deny statements are read and reported, but cannot make a public Allow non-public.
    /// </summary>
    public static class BucketPolicyEvaluator
    {
        /// <summary>Parses and judges a policy. Invalid JSON throws <see cref="PolicyParseException"/> naming the problem and position.</summary>
        public static PolicyEvaluation Evaluate(string policyJson) => Evaluate(PolicyDocument.Parse(policyJson));

        /// <summary>Judges a parsed policy.</summary>
        public static PolicyEvaluation Evaluate(PolicyDocument document) =>
            new PolicyEvaluation(document.Statements.Select(Judge).ToList());

        private static StatementVerdict Judge(PolicyStatement statement)
        {
            PublicAccess access = ActionAccess.Of(statement);
            string principal = statement.NotPrincipal != null ? "NOT " + statement.NotPrincipal : statement.Principal?.ToString() ?? string.Empty;
            string actions = ActionAccess.Describe(statement);
            string why;
            bool isPublic = false, unscopedService = false;

            if (!statement.IsAllow)
            {
                why = $"Deny of {ActionAccess.Words(access)} for {Describe(principal)}. It is read, not skipped, but AWS still counts a public Allow beside it as public.";
            }
            else if (statement.Principal == null && statement.NotPrincipal == null)
            {
                why = "Allow without a Principal: S3 rejects such a bucket policy statement, so it grants nothing.";
            }
            else
            {
                string? openPrincipal = PrincipalJudge.WhyNotFixed(statement);
                List<(PolicyCondition Condition, string? Problem)> conditions = statement.Conditions.Select(c => (c, ConditionJudge.WhyNotRestricting(c))).ToList();
                PolicyCondition? restricting = conditions.FirstOrDefault(c => c.Problem == null).Condition;

                if (openPrincipal == null)
                {
                    why = $"Principal {principal} is a fixed value.";
                    unscopedService = PrincipalJudge.HasService(statement) && !ConditionJudge.HasSourceScope(statement.Conditions);
                    if (unscopedService)
                    {
                        why += " Not public, but a service principal without aws:SourceArn or aws:SourceAccount can be used on behalf of any account (confused deputy).";
                    }
                }
                else if (restricting != null)
                {
                    why = $"{openPrincipal}, but {restricting.Operator} {restricting.Key} limits it to fixed values ({string.Join(", ", restricting.Values)}).";
                }
                else
                {
                    isPublic = true;
                    why = $"Public: {openPrincipal}, granting {ActionAccess.Words(access)}";
                    why += conditions.Count == 0
                        ? ", with no condition."
                        : "; no condition limits it to fixed values (" + string.Join("; ", conditions.Select(c => c.Problem)) + ").";
                }
            }

            return new StatementVerdict(statement.DisplayId, statement.Effect, principal, actions, isPublic, access, why, unscopedService);
        }

        private static string Describe(string principal) => principal.Length == 0 ? "no principal" : principal;
    }
}
