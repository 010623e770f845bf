using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// The rules a generated least-privilege identity policy must meet before S3Audit hands it out: no wildcard
    /// actions, no NotAction/NotResource/NotPrincipal, no public principal, and every Allow statement requires
    /// aws:SecureTransport = true.
    /// </summary>
    public static class PolicyLint
    {
        /// <summary>Every rule the policy breaks, one sentence each naming the statement; empty when it is clean.</summary>
        public static IReadOnlyList<string> Check(PolicyDocument policy)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            var problems = new List<string>();
            foreach (PolicyStatement statement in policy.Statements)
            {
                string id = statement.DisplayId;
                foreach (string action in statement.Actions.Where(a => a.IndexOf('*') >= 0 || a.IndexOf('?') >= 0))
                {
                    problems.Add($"{id} uses the wildcard action '{action}'.");
                }

                if (statement.NotActions.Count > 0)
                {
                    problems.Add($"{id} uses NotAction, which grants everything not listed.");
                }

                if (statement.NotResources.Count > 0)
                {
                    problems.Add($"{id} uses NotResource.");
                }

                if (statement.NotPrincipal != null)
                {
                    problems.Add($"{id} uses NotPrincipal.");
                }

                if (PrincipalFacts.IsPublic(statement.Principal))
                {
                    problems.Add($"{id} grants to a public principal (\"*\").");
                }

                if (statement.IsAllow && !RequiresSecureTransport(statement))
                {
                    problems.Add($"{id} does not require aws:SecureTransport = true.");
                }
            }

            return problems;
        }

        /// <summary>Throws <see cref="InvalidOperationException"/> listing every problem when the policy breaks a rule.</summary>
        public static void Ensure(PolicyDocument policy)
        {
            IReadOnlyList<string> problems = Check(policy);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The generated policy failed S3Audit's policy lint: " + string.Join(" ", problems));
            }
        }

        private static bool RequiresSecureTransport(PolicyStatement statement) =>
            statement.ConditionsOn("aws:SecureTransport").Any(c =>
                string.Equals(c.Operator, "Bool", StringComparison.Ordinal) &&
                c.Values.Count > 0 && c.Values.All(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)));
    }
}
