using System;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// Reads the body of a 403 answer before the SDK's error handler does, notes whether it names a bucket
    /// (<see cref="NamesBucket"/>, for <see cref="CredentialRejection"/>), and hands the SDK the same bytes. The SDK keeps
    /// only the code and message of an error document.
    /// </summary>
    internal sealed class ErrorBodyHandler : PipelineHandler
    {
        private const string NamesBucketKey = "S3Audit.ErrorNamesBucket";
        private const int MaxBody = 64 * 1024;

        /// <summary>True or false when the 403 answer behind <paramref name="error"/> was read; null otherwise.</summary>
        public static bool? NamesBucket(AmazonServiceException error) =>
            error.InnerException?.Data[NamesBucketKey] is bool names ? names : (bool?)null;

        public override void InvokeSync(IExecutionContext executionContext)
        {
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (HttpErrorResponseException e) when (IsSmallForbidden(e))
            {
                throw Buffered(e, ReadAll(e.Response.ResponseBody.OpenResponse()));
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (HttpErrorResponseException e) when (IsSmallForbidden(e))
            {
                throw Buffered(e, ReadAll(await e.Response.ResponseBody.OpenResponseAsync().ConfigureAwait(false)));
            }
        }

        private static bool IsSmallForbidden(HttpErrorResponseException e) =>
            e.Response?.StatusCode == HttpStatusCode.Forbidden && e.Response.ResponseBody != null && e.Response.ContentLength is long length && length > 0 && length <= MaxBody;

        private static byte[] ReadAll(Stream stream)
        {
            using (stream)
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        }

        private static HttpErrorResponseException Buffered(HttpErrorResponseException original, byte[] body)
        {
            string text = Encoding.UTF8.GetString(body);
            var buffered = new HttpErrorResponseException(original.Message, original.InnerException, new BufferedResponse(original.Response, body));
            buffered.Data[NamesBucketKey] = text.IndexOf("<BucketName>", StringComparison.Ordinal) >= 0;
            return buffered;
        }

        /// <summary>The original answer with its body kept in memory.</summary>
        private sealed class BufferedResponse : IWebResponseData, IHttpResponseBody
        {
            private readonly IWebResponseData _original;
            private readonly byte[] _body;

            public BufferedResponse(IWebResponseData original, byte[] body)
            {
                _original = original;
                _body = body;
            }

            public long ContentLength => _body.Length;
            public string ContentType => _original.ContentType;
            public HttpStatusCode StatusCode => _original.StatusCode;
            public bool IsSuccessStatusCode => _original.IsSuccessStatusCode;
            public IHttpResponseBody ResponseBody => this;
            public string[] GetHeaderNames() => _original.GetHeaderNames();
            public bool IsHeaderPresent(string headerName) => _original.IsHeaderPresent(headerName);
            public string GetHeaderValue(string headerName) => _original.GetHeaderValue(headerName);
            public IEventStreamHeader GetEventStreamHeader(string headerName) => _original.GetEventStreamHeader(headerName);
            public bool IsEventHeaderPresent(string headerName) => _original.IsEventHeaderPresent(headerName);
            public Stream OpenResponse() => new MemoryStream(_body, writable: false);
            public Task<Stream> OpenResponseAsync() => Task.FromResult(OpenResponse());

            public void Dispose() => (_original as IDisposable)?.Dispose();
        }
    }
}
