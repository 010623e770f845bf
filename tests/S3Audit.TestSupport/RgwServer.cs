using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime;
using Amazon.S3;
using S3Audit.Engine.Connection;

namespace S3Audit.TestSupport
{
    /// <summary>
    /// The Ceph RGW started by tests/run-tests.sh (tests/server/s3-ceph.sh). Read from the environment, or from
    /// the s3.env file the script writes. A missing server is a test failure, never a skip.
    /// </summary>
    public static class RgwServer
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string>> Settings = new Lazy<IReadOnlyDictionary<string, string>>(Load);

        public static string Endpoint => Get("S3_ENDPOINT");
        public static string AccessKey => Get("S3_ACCESS_KEY");
        public static string SecretKey => Get("S3_SECRET_KEY");
        public static string RootAccessKey => Get("S3_ROOT_ACCESS_KEY");
        public static string RootSecretKey => Get("S3_ROOT_SECRET_KEY");
        public static string AccountId => Get("S3_ACCOUNT_ID");
        public static string OpsLogPath => Get("S3_OPS_LOG");

        /// <summary>Connection options for the plain user "test" (or the account root).</summary>
        public static S3ConnectionOptions Options(bool accountRoot = false) => new S3ConnectionOptions
        {
            EndpointUrl = Endpoint,
            AccessKey = accountRoot ? RootAccessKey : AccessKey,
            SecretKey = accountRoot ? RootSecretKey : SecretKey,
            Region = "us-east-1",
            Provider = S3Provider.Ceph,
        };

        public static S3Session OpenSession(bool accountRoot = false) => S3Session.Open(Options(accountRoot));

        /// <summary>A raw SDK client for arranging test state.</summary>
        public static AmazonS3Client RawClient(bool accountRoot = false) => new AmazonS3Client(
            new BasicAWSCredentials(accountRoot ? RootAccessKey : AccessKey, accountRoot ? RootSecretKey : SecretKey),
            new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

        /// <summary>A bucket name no other test uses.</summary>
        public static string UniqueBucket(string prefix) => $"{prefix}-{Guid.NewGuid():N}".Substring(0, Math.Min(63, prefix.Length + 17)).ToLowerInvariant();

        /// <summary>
        /// Lists <paramref name="prefix"/> until at least one object is there (RGW delivers access logs asynchronously);
        /// fails the test when none arrived within <paramref name="timeout"/>.
        /// </summary>
        public static async System.Threading.Tasks.Task<List<Amazon.S3.Model.S3Object>> WaitForObjectsAsync(IAmazonS3 s3, string bucket, string prefix, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var listing = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
                if (listing.S3Objects?.Count > 0 || DateTime.UtcNow > deadline)
                {
                    Xunit.Assert.True(listing.S3Objects?.Count > 0, $"No object arrived under {bucket}/{prefix} within {timeout.TotalSeconds:0} s.");
                    return listing.S3Objects!;
                }

                await System.Threading.Tasks.Task.Delay(200);
            }
        }

        private static string Get(string name)
        {
            if (Settings.Value.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }

            throw new InvalidOperationException(
                $"The test S3 server is not available ({name} is not set and no s3.env was found). Start it with 'bash tests/server/s3-ceph.sh start' or run 'bash tests/run-tests.sh'.");
        }

        private static IReadOnlyDictionary<string, string> Load()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string root = Environment.GetEnvironmentVariable("CEPH_ROOT") ?? "/tmp/ceph-root";
            string dir = (Environment.GetEnvironmentVariable("CEPH_DIR") ?? "/srv/ceph").TrimStart('/');
            string envFile = Environment.GetEnvironmentVariable("S3_ENV_FILE") ?? Path.Combine(root, dir, "s3.env");
            if (File.Exists(envFile))
            {
                foreach (string line in File.ReadAllLines(envFile))
                {
                    int eq = line.IndexOf('=');
                    if (eq > 0)
                    {
                        values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
                    }
                }
            }

            foreach (string key in new[] { "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "S3_ROOT_ACCESS_KEY", "S3_ROOT_SECRET_KEY", "S3_ACCOUNT_ID", "S3_OPS_LOG" })
            {
                string? fromEnv = Environment.GetEnvironmentVariable(key);
                if (!string.IsNullOrEmpty(fromEnv))
                {
                    values[key] = fromEnv!;
                }
            }

            return values;
        }
    }
}

namespace S3Audit.TestSupport
{
    /// <summary>Removes what a test stored: the test RGW keeps objects in 1 GiB of RAM (memstore).</summary>
    public static class RgwCleanup
    {
        /// <summary>Deletes every object (and unfinished multipart upload) of the bucket, then the bucket; a missing bucket is fine.</summary>
        public static async System.Threading.Tasks.Task RemoveBucketAsync(string bucket)
        {
            using Amazon.S3.AmazonS3Client s3 = RgwServer.RawClient();
            try
            {
                var uploads = await s3.ListMultipartUploadsAsync(bucket);
                foreach (var upload in uploads.MultipartUploads ?? new System.Collections.Generic.List<Amazon.S3.Model.MultipartUpload>())
                {
                    await s3.AbortMultipartUploadAsync(bucket, upload.Key, upload.UploadId);
                }

                while (true)
                {
                    var listing = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
                    if (listing.S3Objects == null || listing.S3Objects.Count == 0)
                    {
                        break;
                    }

                    foreach (var o in listing.S3Objects)
                    {
                        await s3.DeleteObjectAsync(bucket, o.Key);
                    }
                }

                await s3.DeleteBucketAsync(bucket);
            }
            catch (Amazon.S3.AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
            }
        }
    }
}
