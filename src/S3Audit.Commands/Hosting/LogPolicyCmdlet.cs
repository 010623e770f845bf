using System;
using System.Management.Automation;
using S3Audit.Engine.Policies;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Shared parameters and flow of the offline policy generators: one policy per bucket piped in, written only after
    /// ShouldProcess (which changes nothing: -WhatIf just skips the output).
    /// </summary>
    public abstract class LogPolicyCmdlet : PSCmdlet
    {
        /// <summary>
        /// The (log) bucket the policy is scoped to; -BucketName works as an alias. Named TargetBucketName because
        /// PowerShell binds a piped property matching the parameter name before one matching an alias: Enable-S3AccessLogging
        /// output carries both BucketName (the source) and TargetBucketName (the log bucket), and the log bucket must win.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        public string TargetBucketName { get; set; } = string.Empty;

        /// <summary>The key prefix; the whole bucket when omitted. Binds TargetPrefix by property name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TargetPrefix")]
        public string? Prefix { get; set; }

        /// <summary>The KMS key of SSE-KMS objects (AWS only).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KmsKeyArn { get; set; }

        /// <summary>The policy format: Aws, Ceph or Minio (IAM JSON, which RGW and MinIO take), Exoscale (IAM role policy) or Lyve (Account API permission).</summary>
        [Parameter]
        [ValidateSet("Aws", "Ceph", "Minio", "Exoscale", "Lyve")]
        public S3Provider Provider { get; set; } = S3Provider.Aws;

        /// <summary>The policy name; a default naming the purpose and bucket.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Reader or writer.</summary>
        internal abstract LogPolicyPurpose Purpose { get; }

        /// <summary>The delete switch of the concrete cmdlet.</summary>
        internal abstract bool DeleteAllowed { get; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var request = new LogPolicyRequest
            {
                Purpose = Purpose,
                BucketName = TargetBucketName,
                Prefix = Prefix,
                AllowDelete = DeleteAllowed,
                KmsKeyArn = KmsKeyArn,
                Provider = Provider,
                Name = Name,
            };

            if (!ShouldProcess($"{Provider} policy for bucket '{TargetBucketName}'", "Generate (offline: nothing is sent or changed)"))
            {
                return;
            }

            S3PolicyDocument policy;
            try
            {
                policy = LogPolicyGenerator.Generate(request);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, TargetBucketName));
                return;
            }
            catch (InvalidOperationException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.PolicyLintFailed, ErrorCategory.InvalidResult, TargetBucketName));
                return;
            }

            if (policy.Limitations.Length > 0)
            {
                WriteWarning($"{Provider} cannot express everything asked for: {policy.Limitations}.");
            }

            WriteObject(policy);
        }
    }
}
