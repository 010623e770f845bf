using System;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>Facts about principals that the lint and the access summary share.</summary>
    public static class PrincipalFacts
    {
        /// <summary>
        /// True for "*" and for an AWS principal of "*" (anyone, authenticated or not). Conditions are not judged here:
        /// the exposure evaluator decides whether a condition makes such a statement non-public.
        /// </summary>
        public static bool IsPublic(PolicyPrincipal? principal) =>
            principal != null && (principal.IsWildcardString || principal.Of("AWS").Any(v => v == "*") || principal.Of("CanonicalUser").Any(v => v == "*"));
    }
}
