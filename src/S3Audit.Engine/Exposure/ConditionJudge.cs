using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// Decides whether one condition limits a statement to fixed values of a key AWS accepts as restricting
    /// (the list in "The meaning of public" of the S3 user guide). Conditions combine with AND, so one restricting
    /// condition is enough to make a statement non-public.
    /// </summary>
    internal static class ConditionJudge
    {
        private static readonly HashSet<string> RestrictingKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "aws:SourceIp", "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceOwner", "aws:SourceAccount",
            "aws:PrincipalOrgID", "aws:userid", "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
        };

        // Positive matches only: a negated operator (StringNotEquals, NotIpAddress ...) admits everything else.
        private static readonly HashSet<string> MatchingOperators = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike",
        };

        // AWS counts a fixed aws:userid only "outside the pattern AROLEID:*": a role session id (role id, colon,
        // session name) is not fixed, because whoever can assume the role chooses the session name.
        private static readonly Regex RoleSessionPattern = new Regex(@"^[A-Z0-9]+:", RegexOptions.CultureInvariant);
        // arn:aws:s3:region:account:accesspoint/* with a fixed account: AWS accepts a wildcard access-point name in a bucket policy.
        private static readonly Regex AccessPointAnyName = new Regex(@"^arn:[a-z-]+:s3:[a-z0-9-]+:[0-9]{12}:accesspoint/[^${}]*$", RegexOptions.CultureInvariant);

        /// <summary>Null when the condition limits the statement to fixed values; otherwise why it does not.</summary>
        public static string? WhyNotRestricting(PolicyCondition condition)
        {
            string op = condition.Operator;
            string where = $"{op} {condition.Key}";
            if (!RestrictingKeys.Contains(condition.Key))
            {
                return $"{where} is not a key AWS accepts as restricting";
            }

            if (op.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
            {
                return $"{where} is also true when the key is absent";
            }

            if (op.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase))
            {
                op = op.Substring("ForAnyValue:".Length);
            }

            if (op.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase))
            {
                return $"{where} is true when the key is absent";
            }

            bool isSourceIp = string.Equals(condition.Key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase);
            bool positive = isSourceIp ? string.Equals(op, "IpAddress", StringComparison.OrdinalIgnoreCase) : MatchingOperators.Contains(op);
            if (!positive)
            {
                return $"{where} does not match fixed values (it admits everything it does not name, or is not a matching operator)";
            }

            if (condition.Values.Count == 0)
            {
                return $"{where} has no values";
            }

            // The condition is true when any value matches, so every value must be fixed.
            foreach (string value in condition.Values)
            {
                string? problem = isSourceIp ? SourceIpRange.WhyNotFixed(value) : WhyValueNotFixed(condition.Key, value);
                if (problem != null)
                {
                    return $"{where}: {problem}";
                }
            }

            return null;
        }

        private static string? WhyValueNotFixed(string key, string value)
        {
            if (string.Equals(key, "aws:userid", StringComparison.OrdinalIgnoreCase) && RoleSessionPattern.IsMatch(value))
            {
                return $"'{value}' is a role session id (pattern AROLEID:*), which AWS does not count as fixed";
            }

            string? problem = PolicyValue.WhyNotFixed(value);
            if (problem == null || value.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                return problem;
            }

            if (string.Equals(key, "s3:DataAccessPointArn", StringComparison.OrdinalIgnoreCase) && AccessPointAnyName.IsMatch(value))
            {
                return null;
            }

            return problem;
        }

        /// <summary>Conditions on aws:SourceArn or aws:SourceAccount (what a service principal needs against confused deputies).</summary>
        public static bool HasSourceScope(IEnumerable<PolicyCondition> conditions) =>
            conditions.Any(c => (string.Equals(c.Key, "aws:SourceArn", StringComparison.OrdinalIgnoreCase) ||
                                 string.Equals(c.Key, "aws:SourceAccount", StringComparison.OrdinalIgnoreCase)) && WhyNotRestricting(c) == null);
    }
}
