namespace S3Audit.Engine.Exposure
{
    /// <summary>What to do about a finding, by path, level and provider.</summary>
    internal static class ExposureRemediation
    {
        public static string ForAcl(S3ExposureLevel level, S3Provider provider, string grantee, string key)
        {
            string target = key.Length > 0 ? $"object '{key}'" : "the bucket";
            if (level == S3ExposureLevel.Unknown)
            {
                return "Grant the auditing identity s3:GetBucketOwnershipControls and s3:GetBucketPublicAccessBlock (and s3:GetAccountPublicAccessBlock) and run again.";
            }

            string remove = $"Remove the grant to {grantee} from the ACL of {target} (for example a canned 'private' ACL)";
            if (level == S3ExposureLevel.Latent)
            {
                return remove + "; otherwise it becomes effective again when the masking setting is removed.";
            }

            return provider == S3Provider.Exoscale || provider == S3Provider.Ceph || provider == S3Provider.Generic
                ? remove + "."
                : remove + ", and set IgnorePublicAcls and Object Ownership BucketOwnerEnforced so ACLs no longer grant access.";
        }

        public static string ForPolicy(S3ExposureLevel level, S3Provider provider, string statementId)
        {
            if (level == S3ExposureLevel.Unknown)
            {
                return "Grant the auditing identity s3:GetBucketPublicAccessBlock (and s3:GetAccountPublicAccessBlock) and run again.";
            }

            switch (provider)
            {
                case S3Provider.Exoscale:
                    return $"Add a source_ip.inIpRange(...) or fixed identity condition to {statementId}, or remove the rule.";
                case S3Provider.Minio:
                case S3Provider.Lyve:
                    return $"Remove or restrict the anonymous statement {statementId} (MinIO: mc anonymous set none), or limit it to fixed aws:SourceIp ranges.";
            }

            string fix = $"Limit {statementId} to fixed principals, or to fixed values of aws:SourceIp (/8 or narrower; /32 for IPv6), aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID; never NotPrincipal or a Federated principal with Allow";
            return level == S3ExposureLevel.Latent
                ? fix + ". It becomes effective again when the masking setting is removed."
                : fix + ", and turn on RestrictPublicBuckets and BlockPublicPolicy.";
        }

        public static string ForUnreadable(string permission) =>
            $"Grant the auditing identity {permission} and run again; until then public access cannot be ruled out.";
    }
}
