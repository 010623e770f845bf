using System;

namespace S3Audit
{
    /// <summary>One grant of a bucket or object ACL. Emitted by Get-S3AuditAcl, one row per grant.</summary>
    public sealed class S3AuditAclGrant
    {
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The object key; empty for the bucket's own ACL.</summary>
        public string Key { get; set; } = string.Empty;
        /// <summary>Canonical id of the owner.</summary>
        public string OwnerId { get; set; } = string.Empty;
        /// <summary>Display name of the owner, where the provider returns one.</summary>
        public string OwnerDisplayName { get; set; } = string.Empty;
        /// <summary>CanonicalUser, Group or Email.</summary>
        public string GranteeType { get; set; } = string.Empty;
        /// <summary>The canonical id, group URI or e-mail address of the grantee.</summary>
        public string Grantee { get; set; } = string.Empty;
        /// <summary>Display name of the grantee, where the provider returns one.</summary>
        public string GranteeDisplayName { get; set; } = string.Empty;
        /// <summary>The grantee as a reader names it: AllUsers, AuthenticatedUsers or LogDelivery for a group, the display name of a user where there is one, otherwise <see cref="Grantee"/>.</summary>
        public string GranteeName { get; set; } = string.Empty;
        /// <summary>FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP.</summary>
        public string Permission { get; set; } = string.Empty;
        /// <summary>True when the grantee is the AllUsers or AuthenticatedUsers group.</summary>
        public bool IsPublic { get; set; }
        /// <summary>AllUsers or AuthenticatedUsers when <see cref="IsPublic"/>; empty otherwise.</summary>
        public string PublicGroup { get; set; } = string.Empty;
        /// <summary>False when Object Ownership is BucketOwnerEnforced (ACLs disabled); null when the provider cannot say.</summary>
        public bool? AclsInForce { get; set; }
        /// <summary>The provider that answered.</summary>
        public S3Provider Provider { get; set; }
        /// <summary>The bucket's region as GetBucketLocation reports it (the value Get-S3AuditBucket gives the same bucket), or Unknown.</summary>
        public string Region { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{BucketName}/{Key} {Grantee} {Permission}";
    }
}
