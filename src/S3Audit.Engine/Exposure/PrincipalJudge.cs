using System;
using System.Collections.Generic;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>Decides whether a statement's principal is limited to fixed values (an account, user, role, canonical user or service).</summary>
    internal static class PrincipalJudge
    {
        /// <summary>Null when every principal value is fixed; otherwise why the principal is open.</summary>
        public static string? WhyNotFixed(PolicyStatement statement)
        {
            if (statement.NotPrincipal != null)
            {
                return $"NotPrincipal with Allow grants everyone except {statement.NotPrincipal}";
            }

            PolicyPrincipal? principal = statement.Principal;
            if (principal == null)
            {
                return null;
            }

            if (principal.IsWildcardString)
            {
                return "Principal \"*\" is everyone";
            }

            if (principal.Values.Count == 0)
            {
                return "the Principal names no one";
            }

            foreach (KeyValuePair<string, IReadOnlyList<string>> kind in principal.Values)
            {
                if (string.Equals(kind.Key, "Federated", StringComparison.Ordinal))
                {
                    return $"Federated principal {string.Join(", ", kind.Value)} admits any identity of that provider";
                }

                if (kind.Key != "AWS" && kind.Key != "Service" && kind.Key != "CanonicalUser")
                {
                    return $"principal kind '{kind.Key}' is not one S3 treats as fixed";
                }

                foreach (string value in kind.Value)
                {
                    string? problem = PolicyValue.WhyNotFixed(value);
                    if (problem != null)
                    {
                        return $"Principal {kind.Key} {problem}";
                    }
                }
            }

            return null;
        }

        /// <summary>True when the principal includes a service principal.</summary>
        public static bool HasService(PolicyStatement statement) => statement.Principal?.Of("Service").Count > 0;
    }
}
