using System;
using System.Collections.Generic;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>What the provider told us about one identity, before any judgement.</summary>
    public sealed class IdentityFacts
    {
        /// <summary>User, Root, Role or ServiceAccount.</summary>
        public string IdentityType { get; set; } = "User";
        /// <summary>The name.</summary>
        public string UserName { get; set; } = string.Empty;
        /// <summary>The ARN or id.</summary>
        public string Arn { get; set; } = string.Empty;
        /// <summary>When it was created.</summary>
        public DateTimeOffset? Created { get; set; }
        /// <summary>Has a console password; null when unknown.</summary>
        public bool? PasswordEnabled { get; set; }
        /// <summary>When the password was last used.</summary>
        public DateTimeOffset? PasswordLastUsed { get; set; }
        /// <summary>Has an active MFA device; null when unknown.</summary>
        public bool? MfaActive { get; set; }
        /// <summary>Its access keys.</summary>
        public List<KeyFacts> Keys { get; } = new List<KeyFacts>();
        /// <summary>Its groups.</summary>
        public List<string> Groups { get; } = new List<string>();
        /// <summary>What its inline, attached and group policies grant on S3.</summary>
        public PolicyAccessSummary Access { get; } = new PolicyAccessSummary();
        /// <summary>A role whose trust policy lets anyone assume it.</summary>
        public bool AnyoneCanAssume { get; set; }
        /// <summary>Where the facts came from.</summary>
        public string Source { get; set; } = string.Empty;
        /// <summary>How to describe the access instead of the policy summary (Lyve permissions); null for the summary.</summary>
        public string? AccessText { get; set; }
        /// <summary>A status for identities without keys (Lyve: Enabled or Disabled).</summary>
        public string Status { get; set; } = string.Empty;
    }

    /// <summary>One access key. The id stays in memory only; output shows its last four characters.</summary>
    public sealed class KeyFacts
    {
        /// <summary>The full access key id (empty for root keys known only from the credential report).</summary>
        public string AccessKeyId { get; set; } = string.Empty;
        /// <summary>Active or Inactive.</summary>
        public string Status { get; set; } = string.Empty;
        /// <summary>When the key was created or last rotated.</summary>
        public DateTimeOffset? Created { get; set; }
        /// <summary>When it was last used (null: never, or unknown — see <see cref="LastUseKnown"/>).</summary>
        public DateTimeOffset? LastUsed { get; set; }
        /// <summary>The service it was last used with ("N/A" when never).</summary>
        public string LastUsedService { get; set; } = string.Empty;
        /// <summary>False when no API could say when the key was used.</summary>
        public bool LastUseKnown { get; set; }
        /// <summary>True for an active key.</summary>
        public bool IsActive => string.Equals(Status, "Active", StringComparison.OrdinalIgnoreCase);
    }
}
