using System.Collections.Generic;

namespace S3Audit.Engine.Acl
{
    /// <summary>What Get-S3AuditAcl reads.</summary>
    public sealed class AclRequest
    {
        /// <summary>Bucket names or wildcards; empty means every bucket.</summary>
        public IList<string> BucketNames { get; set; } = new List<string>();
        /// <summary>Specific object keys: only their ACLs are read (not the bucket's).</summary>
        public IList<string> Keys { get; set; } = new List<string>();
        /// <summary>Read the ACLs of objects under this prefix (directly under it unless <see cref="Recurse"/>).</summary>
        public string? Prefix { get; set; }
        /// <summary>Read object ACLs at every level below <see cref="Prefix"/> (the whole bucket without a prefix).</summary>
        public bool Recurse { get; set; }
        /// <summary>Object ACL requests in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>True when object ACLs are read by listing.</summary>
        public bool ListsObjects => Recurse || !string.IsNullOrEmpty(Prefix);
    }
}
