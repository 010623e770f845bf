using System.Text;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>The commented starter file New-S3AuditConfig writes: valid as written, with one target of the chosen provider.</summary>
    public static class AuditConfigTemplate
    {
        /// <summary>The starter YAML for a provider.</summary>
        public static string Render(S3Provider provider)
        {
            var sb = new StringBuilder();
            sb.Append(@"# S3Audit audit profile. Run it with:  Invoke-S3Audit -ConfigPath <this file>
# Never put secrets here: name a profile, or the ENVIRONMENT VARIABLES that hold the keys.
# ${NAME} anywhere in a value is replaced by that environment variable when the file is read.
version: 1

targets:
");
            sb.Append(TargetBlock(provider));
            sb.Append(@"    buckets:
      include: ['*']              # wildcards: * ? [a-z]; every bucket when omitted
      exclude: []                 # e.g. ['tmp-*', 'scratch']

# Checks: true/false, or a mapping with options. A check this build does not have yet is reported
# as an Unknown finding (rule CheckNotAvailable), never as a pass.
checks:
  exposure: true                  # public ACL grants (and bucket policies where available)
  posture: true                   # versioning, object lock, default encryption, ownership
  logging: true                   # server access logging / Lyve audit target
  credentials: false              # access keys: age, last use, MFA (needs IAM read access)
  logAnomalies:
    enabled: false
    hours: 24                     # how far back to read the access logs

thresholds:
  minimumSeverity: Low            # Info, Low, Medium, High, Critical: smaller Fail findings are dropped
  failOn: High                    # the summary's ThresholdExceeded (Invoke-NightlyAudit.ps1 exits 1)
  keyMaxAgeDays: 90               # credentials: rotate keys older than this
  keyUnusedDays: 45               # credentials: disable keys unused this long

# Report files, written atomically. Tokens: {date} {time} {timestamp} (UTC). Relative paths are
# relative to this file's folder. The JSON report is also the baseline for -BaselinePath; the HTML
# report is one self-contained page to mail, archive or print.
outputs:
  csv: reports/s3audit-{date}.csv
  json: reports/s3audit-{date}.json
  html: reports/s3audit-{date}.html
");
            return sb.ToString();
        }

        private static string TargetBlock(S3Provider provider) => provider switch
        {
            S3Provider.Aws => @"  - name: aws-prod
    provider: Aws
    region: eu-central-1
    profile: audit                # a profile in ~/.aws/credentials or ~/.aws/config (SSO works)
",
            S3Provider.Exoscale => @"  - name: exoscale-gva
    provider: Exoscale
    endpoint: https://sos-ch-gva-2.exo.io
    accessKeyVariable: EXOSCALE_API_KEY       # names of environment variables, not the keys
    secretKeyVariable: EXOSCALE_API_SECRET
",
            S3Provider.Lyve => @"  - name: lyve-us-east
    provider: Lyve
    endpoint: https://s3.us-east-1.lyvecloud.seagate.com
    accessKeyVariable: LYVE_ACCESS_KEY        # names of environment variables, not the keys
    secretKeyVariable: LYVE_SECRET_KEY
",
            S3Provider.Minio => @"  - name: minio
    provider: Minio
    endpoint: http://minio.example:9000
    accessKeyVariable: MINIO_ACCESS_KEY       # names of environment variables, not the keys
    secretKeyVariable: MINIO_SECRET_KEY
",
            S3Provider.Ceph => @"  - name: ceph
    provider: Ceph
    endpoint: http://rgw.example:7480
    accessKeyVariable: CEPH_ACCESS_KEY        # names of environment variables, not the keys
    secretKeyVariable: CEPH_SECRET_KEY
",
            _ => @"  - name: storage
    provider: Generic
    endpoint: https://s3.example.com
    accessKeyVariable: S3_ACCESS_KEY          # names of environment variables, not the keys
    secretKeyVariable: S3_SECRET_KEY
",
        };
    }
}
