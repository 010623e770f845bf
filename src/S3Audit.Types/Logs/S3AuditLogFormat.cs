namespace S3Audit
{
    /// <summary>The log format an entry was read from.</summary>
    public enum S3AuditLogFormat
    {
        /// <summary>Detect per file.</summary>
        Auto = 0,
        /// <summary>AWS S3 server access log (also written by Ceph RGW bucket logging).</summary>
        AwsAccessLog,
        /// <summary>Lyve Cloud S3 API audit log: a MinIO entry wrapped in {serviceAccountCreatorId, auditEntry, serviceAccountName}.</summary>
        LyveS3Audit,
        /// <summary>Plain MinIO audit entry (webhook/Kafka target output).</summary>
        MinioAudit,
        /// <summary>Lyve Cloud IAM and Account API audit log ({"ApiEvent": ...}).</summary>
        LyveAccountApi,
        /// <summary>Lyve Cloud console audit log.</summary>
        LyveConsole,
        /// <summary>AWS CloudTrail ({"Records":[...]}).</summary>
        CloudTrail,
        /// <summary>Ceph RGW ops log (JSON lines).</summary>
        CephOpsLog,
        /// <summary>Exoscale SOS data events: the webhook's JSON batches (an array per file) or one event per line.</summary>
        ExoscaleDataEvents,
    }
}
