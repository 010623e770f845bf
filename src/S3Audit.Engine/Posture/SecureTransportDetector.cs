using System;
using System.Linq;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Posture
{
    /// <summary>
    /// A policy enforces TLS when a Deny for everyone covers reads and writes under Bool (or BoolIfExists)
    /// aws:SecureTransport = false, the statement AWS and Prowler (s3_bucket_secure_transport_policy) look for.
    /// </summary>
    internal static class SecureTransportDetector
    {
        public static bool Enforces(PolicyDocument policy) => policy.Statements.Any(s =>
            !s.IsAllow &&
            PrincipalFacts.IsPublic(s.Principal) &&
            (ActionAccess.Of(s) & (PublicAccess.Read | PublicAccess.Write)) == (PublicAccess.Read | PublicAccess.Write) &&
            s.ConditionsOn("aws:SecureTransport").Any(c =>
                (string.Equals(c.Operator, "Bool", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Operator, "BoolIfExists", StringComparison.OrdinalIgnoreCase)) &&
                c.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase))));
    }
}
