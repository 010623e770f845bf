using System;

namespace S3Audit
{
    /// <summary>
    /// One access key of an identity (or one identity without keys), with what it may do on S3 and what is wrong
    /// with it. Emitted by Get-S3AuditCredential. Flat: lists are joined with "; " so Export-Csv writes one row each.
    /// </summary>
    public sealed class S3AuditCredential
    {
        /// <summary>The provider that answered.</summary>
        public S3Provider Provider { get; set; }
        /// <summary>User, Root, Role or ServiceAccount.</summary>
        public string IdentityType { get; set; } = string.Empty;
        /// <summary>The user, role or service-account name (&lt;root_account&gt; for the AWS root user).</summary>
        public string UserName { get; set; } = string.Empty;
        /// <summary>The ARN (or the Lyve service-account id).</summary>
        public string UserArn { get; set; } = string.Empty;
        /// <summary>When the identity was created.</summary>
        public DateTimeOffset? UserCreated { get; set; }
        /// <summary>True when the identity has a console password; null when the provider cannot say.</summary>
        public bool? PasswordEnabled { get; set; }
        /// <summary>When the console password was last used.</summary>
        public DateTimeOffset? PasswordLastUsed { get; set; }
        /// <summary>True when an MFA device is active; null when the provider cannot say.</summary>
        public bool? MfaActive { get; set; }
        /// <summary>The access key id reduced to its last four characters (****WXYZ); empty for a row without a key.</summary>
        public string AccessKeyId { get; set; } = string.Empty;
        /// <summary>Active, Inactive (Lyve: Enabled, Disabled), or empty without a key.</summary>
        public string KeyStatus { get; set; } = string.Empty;
        /// <summary>When the key was created (last rotated).</summary>
        public DateTimeOffset? KeyCreated { get; set; }
        /// <summary>Whole days since the key was created.</summary>
        public int? KeyAgeDays { get; set; }
        /// <summary>When the key was last used; null when never used or unknown (see <see cref="KeyLastUsedService"/>).</summary>
        public DateTimeOffset? KeyLastUsed { get; set; }
        /// <summary>The service the key was last used with; "N/A" when never used, empty when unknown.</summary>
        public string KeyLastUsedService { get; set; } = string.Empty;
        /// <summary>Whole days since the key was last used (or, if never used, since it was created).</summary>
        public int? DaysSinceLastUse { get; set; }
        /// <summary>Groups the user belongs to, joined with "; ".</summary>
        public string Groups { get; set; } = string.Empty;
        /// <summary>A short summary of the S3 actions and buckets the identity's policies grant, with flags such as [s3:*], [*:*], [Resource *], [public principal].</summary>
        public string S3Access { get; set; } = string.Empty;
        /// <summary>True when some policy grants s3:* (or every action) — full S3 access.</summary>
        public bool FullS3Access { get; set; }
        /// <summary>True when some policy grants every action on every resource (*:*).</summary>
        public bool FullAdminAccess { get; set; }
        /// <summary>The findings, joined with "; " (e.g. KeyNotRotated (120 days &gt; 90); TwoActiveKeys).</summary>
        public string Findings { get; set; } = string.Empty;
        /// <summary>How many findings <see cref="Findings"/> lists (the name every output type gives its finding count).</summary>
        public int FindingCount { get; set; }
        /// <summary>The severity of the worst finding.</summary>
        public S3AuditSeverity Severity { get; set; }
        /// <summary>Which API supplied the facts (CredentialReport, IamApi, LyveAccountApi).</summary>
        public string Source { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{UserName} {AccessKeyId} {Severity}";
    }
}
