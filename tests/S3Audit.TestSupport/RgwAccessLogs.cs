using System;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Audit.TestSupport
{
    /// <summary>Server access logging on the test RGW: turned on with the delivery policy RGW requires, and flushed.</summary>
    public static class RgwAccessLogs
    {
        /// <summary>Logs <paramref name="source"/> into <paramref name="logs"/> under "source/"; returns the request, for <see cref="DeliverAsync"/>.</summary>
        public static async Task<PutBucketLoggingRequest> EnableAsync(IAmazonS3 s3, string source, string logs)
        {
            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
            {
                BucketName = logs,
                Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::LOGS/SRC/*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::SRC"},"StringEquals":{"aws:SourceAccount":"test"}}}]}""".Replace("LOGS", logs).Replace("SRC", source),
            });
            var logging = new PutBucketLoggingRequest { BucketName = source, LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = logs, TargetPrefix = source + "/" } };
            await s3.PutBucketLoggingAsync(logging);
            return logging;
        }

        /// <summary>
        /// RGW delivers buffered log records when logging is turned off: turns it off, waits until a log object is
        /// there, and turns it back on for an audit to see.
        /// </summary>
        public static async Task DeliverAsync(IAmazonS3 s3, PutBucketLoggingRequest logging)
        {
            await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = logging.BucketName, LoggingConfig = new S3BucketLoggingConfig() });
            await RgwServer.WaitForObjectsAsync(s3, logging.LoggingConfig.TargetBucketName, logging.LoggingConfig.TargetPrefix, TimeSpan.FromSeconds(10));
            await s3.PutBucketLoggingAsync(logging);
        }
    }
}
