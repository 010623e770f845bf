namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// The requester of an unauthenticated request, one name whatever the log wrote: AWS "-", Ceph RGW "anonymous",
    /// CloudTrail's ANONYMOUS_PRINCIPAL account. A log that does not say who made a request (a MinIO record without
    /// credentials, say) leaves the requester empty.
    /// </summary>
    public static class Requesters
    {
        /// <summary>The Requester of an anonymous request.</summary>
        public const string Anonymous = "anonymous";

        /// <summary>True for an anonymous requester, or none named (as older entries and some formats leave it).</summary>
        public static bool IsAnonymous(string requester) => requester.Length == 0 || requester == Anonymous;
    }
}
