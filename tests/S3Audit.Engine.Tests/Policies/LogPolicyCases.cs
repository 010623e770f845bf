using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Policies;

/// <summary>The requests behind the golden policy documents in Fixtures/Policies.</summary>
public static class LogPolicyCases
{
    public static readonly IReadOnlyDictionary<string, LogPolicyRequest> All = new Dictionary<string, LogPolicyRequest>
    {
        ["aws-readonly-prefix-purge-kms"] = new() { Purpose = LogPolicyPurpose.ReadOnlyLog, Provider = S3Provider.Aws, BucketName = "access-logs", Prefix = "/s3/prod/", AllowDelete = true, KmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", Name = "qloudstat-reader" },
        ["aws-readonly-bucket"] = new() { Purpose = LogPolicyPurpose.ReadOnlyLog, Provider = S3Provider.Aws, BucketName = "access-logs" },
        ["aws-logstorage-prefix-kms"] = new() { Purpose = LogPolicyPurpose.LogStorage, Provider = S3Provider.Aws, BucketName = "logscale-storage", Prefix = "humio/", KmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/abcd" },
        ["exoscale-readonly"] = new() { Purpose = LogPolicyPurpose.ReadOnlyLog, Provider = S3Provider.Exoscale, BucketName = "access-logs" },
        ["exoscale-logstorage-delete"] = new() { Purpose = LogPolicyPurpose.LogStorage, Provider = S3Provider.Exoscale, BucketName = "backups", AllowDelete = true, Name = "backup-agent" },
        ["lyve-readonly"] = new() { Purpose = LogPolicyPurpose.ReadOnlyLog, Provider = S3Provider.Lyve, BucketName = "audit-logs" },
        ["lyve-logstorage"] = new() { Purpose = LogPolicyPurpose.LogStorage, Provider = S3Provider.Lyve, BucketName = "backups", AllowDelete = true },
    };

    public static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Policies", name + ".json");
}
