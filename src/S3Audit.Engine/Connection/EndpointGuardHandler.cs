using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3.Model;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// Puts an <see cref="EndpointGuard"/> into the SDK pipeline: once inside the retry handler (each attempt: a
    /// recognised failure to connect is not retried) and once outside it (the outcome after every retry).
    /// </summary>
    internal sealed class EndpointGuardHandler : PipelineHandler
    {
        private readonly EndpointGuard _guard;
        private readonly bool _afterRetries;

        public EndpointGuardHandler(EndpointGuard guard, bool afterRetries)
        {
            _guard = guard;
            _afterRetries = afterRetries;
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            _guard.ThrowIfEnded();
            try
            {
                base.InvokeSync(executionContext);
                _guard.Answered();
            }
            catch (Exception e)
            {
                throw Judge(executionContext, e) ?? Rethrow(e);
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            _guard.ThrowIfEnded();
            try
            {
                T response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                _guard.Answered();
                return response;
            }
            catch (Exception e)
            {
                throw Judge(executionContext, e) ?? Rethrow(e);
            }
        }

        private Exception? Judge(IExecutionContext executionContext, Exception e)
        {
            IRequestContext request = executionContext.RequestContext;
            if (request.CancellationToken.IsCancellationRequested || request.Request?.Endpoint == null)
            {
                return null;
            }

            return _guard.Judge(e, request.Request.Endpoint, !(request.OriginalRequest is ListBucketsRequest), _afterRetries);
        }

        // Keeps the original stack trace when the failure is the request's own.
        private static Exception Rethrow(Exception e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            return e;
        }
    }
}
