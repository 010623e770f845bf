using System.Net;
using Amazon.Runtime;
using S3Audit.Engine.Security;

namespace S3Audit.Engine.Http
{
    /// <summary>
    /// The part of an HTTP error every raw API client shares, whatever its body format: the masked
    /// "{call} failed with {code} (HTTP n): {message}" text in an exception S3ErrorClassifier classifies by its code.
    /// </summary>
    internal static class ServiceErrors
    {
        /// <summary>What an error body that could not be parsed says: its first 200 characters.</summary>
        public static string Unparsed(string body) => body.Length > 200 ? body.Substring(0, 200) : body;

        /// <param name="what">The call, e.g. "S3 Control GetPublicAccessBlock".</param>
        /// <param name="status">The HTTP status.</param>
        /// <param name="errorCode">The code the exception carries, which the classifier maps.</param>
        /// <param name="message">The service's message, or empty.</param>
        /// <param name="requestId">The service's request id, or empty.</param>
        /// <param name="shownCode">The code the text names when the service's own code differs from <paramref name="errorCode"/>.</param>
        public static AmazonServiceException Create(string what, int status, string errorCode, string message, string requestId, string? shownCode = null)
        {
            string text = SecretMasker.MaskText($"{what} failed with {shownCode ?? errorCode} (HTTP {status}){(message.Length > 0 ? ": " + message : string.Empty)}");
            return new AmazonServiceException(text, ErrorType.Sender, errorCode, requestId, (HttpStatusCode)status);
        }
    }
}
