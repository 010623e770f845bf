using System;

namespace S3Audit.Engine.Proxy
{
    /// <summary>
    /// A request the proxy refuses itself, with the S3 status and error code the client gets and the log records
    /// (a signature that does not match, a malformed or incomplete aws-chunked body, a checksum that does not match).
    /// The message never holds a secret.
    /// </summary>
    internal sealed class ProxyRequestException : Exception
    {
        public ProxyRequestException(int status, string errorCode, string message)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

        public int Status { get; }

        public string ErrorCode { get; }

        public static ProxyRequestException Incomplete(string what) =>
            new ProxyRequestException(400, "IncompleteBody", $"The request body ended before {what}.");

        public static ProxyRequestException Malformed(string what) =>
            new ProxyRequestException(400, "InvalidRequest", $"The aws-chunked request body is malformed: {what}.");
    }
}
