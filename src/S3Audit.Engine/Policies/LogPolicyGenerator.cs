using System.Collections.Generic;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// Generates least-privilege policies for log readers and log/backup writers in each provider's own format.
    /// Offline: no request is sent. An AWS policy is parsed back and must pass <see cref="PolicyLint"/> before it is returned.
    /// </summary>
    public static class LogPolicyGenerator
    {
        /// <summary>The policy; <see cref="System.ArgumentException"/> for bad input.</summary>
        public static S3PolicyDocument Generate(LogPolicyRequest request)
        {
            request.Validate();
            var result = new S3PolicyDocument
            {
                Provider = request.Provider,
                Name = request.EffectiveName,
                Purpose = request.Purpose.ToString(),
                BucketName = request.BucketName,
                Prefix = request.NormalisedPrefix,
            };

            IReadOnlyList<string> limitations = new string[0];
            switch (request.Provider)
            {
                case S3Provider.Exoscale:
                    (result.Document, result.StatementCount, limitations) = ExoscaleLogPolicyBuilder.Build(request);
                    break;
                case S3Provider.Lyve:
                    (result.Document, limitations) = LyveLogPolicyBuilder.Build(request);
                    result.StatementCount = 1;
                    break;
                case S3Provider.Ceph:
                case S3Provider.Minio:
                    // RGW and MinIO take AWS's policy language; neither has AWS KMS.
                    (result.Document, result.StatementCount) = AwsLogPolicyBuilder.Build(request.WithoutKmsKey());
                    PolicyLint.Ensure(PolicyDocument.Parse(result.Document));
                    if (!string.IsNullOrEmpty(request.KmsKeyArn))
                    {
                        limitations = new[] { $"{request.Provider} has no AWS KMS: -KmsKeyArn is not in the policy" };
                    }

                    break;
                default:
                    (result.Document, result.StatementCount) = AwsLogPolicyBuilder.Build(request);
                    PolicyLint.Ensure(PolicyDocument.Parse(result.Document));
                    break;
            }

            result.Limitations = string.Join("; ", limitations);
            return result;
        }
    }
}
