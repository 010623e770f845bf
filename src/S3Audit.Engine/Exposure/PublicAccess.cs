using System;

namespace S3Audit.Engine.Exposure
{
    /// <summary>What a public grant lets the public do.</summary>
    [Flags]
    public enum PublicAccess
    {
        /// <summary>Nothing S3Audit classifies (for example only non-S3 actions).</summary>
        None = 0,
        /// <summary>Read objects (or ACLs).</summary>
        Read = 1,
        /// <summary>Write or delete objects, or change the bucket's or objects' ACL or policy.</summary>
        Write = 2,
        /// <summary>List the bucket.</summary>
        List = 4,
    }
}
