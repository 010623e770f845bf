using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Http
{
    /// <summary>
    /// A raw AWS API request for the services the SDK copy here lacks (IAM's Query API, S3 Control):
    /// signed with SigV4 by <see cref="SignedRequestClient"/>.
    /// </summary>
    public sealed class SignedRequest
    {
        /// <summary>GET, POST, PUT or DELETE.</summary>
        public string Method { get; set; } = "GET";
        /// <summary>Scheme and host (and port), e.g. https://iam.amazonaws.com or http://127.0.0.1:7480.</summary>
        public Uri Endpoint { get; set; } = new Uri("https://iam.amazonaws.com");
        /// <summary>The path, e.g. / or /v20180820/configuration/publicAccessBlock.</summary>
        public string Path { get; set; } = "/";
        /// <summary>The signing name of the service: iam, s3, sts.</summary>
        public string Service { get; set; } = "iam";
        /// <summary>Extra headers, signed.</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Form fields sent as an application/x-www-form-urlencoded POST body (Query APIs).</summary>
        public IDictionary<string, string> Form { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
        /// <summary>A raw body (XML, JSON); used when <see cref="Form"/> is empty.</summary>
        public byte[]? Body { get; set; }
        /// <summary>Content type of <see cref="Body"/>.</summary>
        public string? ContentType { get; set; }
        /// <summary>What the request does, for error messages (e.g. "IAM ListUsers").</summary>
        public string Description { get; set; } = string.Empty;
    }

    /// <summary>A response: status, body text and headers.</summary>
    public sealed class SignedResponse
    {
        internal SignedResponse(int status, string body, IReadOnlyDictionary<string, string> headers)
        {
            StatusCode = status;
            Body = body;
            Headers = headers;
        }

        /// <summary>HTTP status.</summary>
        public int StatusCode { get; }
        /// <summary>The body as text.</summary>
        public string Body { get; }
        /// <summary>Response headers.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }
}
