using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace S3Audit.Engine.Connection
{
    /// <summary>The S3 client of a session: the SDK's, with the session's <see cref="EndpointGuard"/> around and inside its retries.</summary>
    internal sealed class GuardedS3Client : AmazonS3Client
    {
        public GuardedS3Client(AWSCredentials credentials, AmazonS3Config config, EndpointGuard guard)
            : base(credentials, config)
        {
            // The base constructor builds the pipeline; a handler is added here rather than in CustomizeRuntimePipeline,
            // which runs before this constructor's body could set the guard.
            RuntimePipeline.AddHandlerBefore<RetryHandler>(new EndpointGuardHandler(guard, afterRetries: true));
            RuntimePipeline.AddHandlerAfter<RetryHandler>(new EndpointGuardHandler(guard, afterRetries: false));
            RuntimePipeline.AddHandlerAfter<ErrorHandler>(new ErrorBodyHandler());
        }
    }
}
