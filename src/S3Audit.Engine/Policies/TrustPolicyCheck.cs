using System;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>Judges a role's trust (assume-role) policy.</summary>
    public static class TrustPolicyCheck
    {
        /// <summary>
        /// True when an Allow statement lets a public principal assume the role with no condition at all
        /// (a condition such as sts:ExternalId or aws:PrincipalOrgID narrows it; the exposure evaluator judges those).
        /// </summary>
        public static bool AnyoneCanAssume(PolicyDocument trustPolicy) =>
            trustPolicy.Statements.Any(s => s.IsAllow && s.Conditions.Count == 0 && PrincipalFacts.IsPublic(s.Principal) &&
                (s.NotActions.Count > 0 || s.Actions.Any(a => a == "*" || a.StartsWith("sts:", StringComparison.OrdinalIgnoreCase))));
    }
}
