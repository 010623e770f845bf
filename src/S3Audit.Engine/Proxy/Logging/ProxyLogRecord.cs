using System;

namespace S3Audit.Engine.Proxy.Logging
{
    /// <summary>What the gateway knows about one request when it writes its access-log line. Never holds a secret.</summary>
    internal sealed class ProxyLogRecord
    {
        public DateTimeOffset Time;
        public string Bucket = string.Empty;
        public string RemoteIp = string.Empty;
        /// <summary>The key's configured name or ARN, else its id; empty for anonymous requests.</summary>
        public string Requester = string.Empty;
        public string RequestId = string.Empty;
        public string Operation = string.Empty;
        public string Key = string.Empty;
        public string Method = string.Empty;
        /// <summary>Path and query as received, presigned secrets already masked.</summary>
        public string Target = string.Empty;
        public string Protocol = "HTTP/1.1";
        public int Status;
        public string ErrorCode = string.Empty;
        public long BytesSent;
        /// <summary>The object's size; negative when unknown.</summary>
        public long ObjectSize = -1;
        public long TotalTimeMs;
        /// <summary>Negative when there was no response from the upstream.</summary>
        public long TurnAroundMs = -1;
        public string Referer = string.Empty;
        public string UserAgent = string.Empty;
        public string VersionId = string.Empty;
        public string HostId = string.Empty;
        /// <summary>SigV4, or empty for an anonymous request.</summary>
        public string SignatureVersion = string.Empty;
        public string CipherSuite = string.Empty;
        /// <summary>AuthHeader, QueryString, or empty.</summary>
        public string AuthType = string.Empty;
        public string Host = string.Empty;
        public string TlsVersion = string.Empty;
    }
}
