using System;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// The one place S3 clients are made: standard retry mode, bounded attempts, a time-to-first-byte timeout, a
    /// connect timeout, path-style addressing for custom endpoints, and the session's <see cref="EndpointGuard"/>.
    /// Cancellation comes from the token each call is given.
    /// </summary>
    internal static class S3ClientFactory
    {
        public static AmazonS3Config CreateConfig(S3ConnectionOptions options, string region)
        {
            var config = new AmazonS3Config
            {
                RetryMode = RequestRetryMode.Standard,
                MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
                Timeout = options.Timeout,
                ThrottleRetries = true,
                HttpClientFactory = new S3HttpClientFactory(ConnectTimeoutOf(options)),
            };

            if (string.IsNullOrWhiteSpace(options.EndpointUrl))
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
                config.ForcePathStyle = options.ForcePathStyle ?? false;
            }
            else
            {
                config.ServiceURL = options.EndpointUrl;
                config.AuthenticationRegion = region;
                config.ForcePathStyle = options.ForcePathStyle ?? true;
            }

            return config;
        }

        public static IAmazonS3 Create(AWSCredentials credentials, AmazonS3Config config, EndpointGuard guard) => new GuardedS3Client(credentials, config, guard);

        /// <summary>The connect timeout, never longer than the request timeout.</summary>
        public static TimeSpan ConnectTimeoutOf(S3ConnectionOptions options) => options.ConnectTimeout < options.Timeout ? options.ConnectTimeout : options.Timeout;
    }
}
