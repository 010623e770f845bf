using System.Text.Json;
using Amazon.Runtime;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Http
{
    /// <summary>
    /// Errors of JSON APIs ({"code", "message"}: Lyve Account API, Exoscale API) as AmazonServiceException, so they
    /// classify like every other service error, and back as AuditErrors that keep the API's own words.
    /// </summary>
    public static class JsonApiError
    {
        /// <summary>The exception: the error code S3Audit classifies by, with the API's code and message in the text.</summary>
        /// <param name="service">e.g. "Lyve Account API".</param>
        /// <param name="what">The call, e.g. "GET /permissions".</param>
        /// <param name="status">The HTTP status.</param>
        /// <param name="body">The response body.</param>
        /// <param name="codeFor400">The code to classify an HTTP 400 without a code by (Lyve: an expired token).</param>
        public static AmazonServiceException Create(string service, string what, int status, string body, string? codeFor400 = null)
        {
            string code = string.Empty, message = string.Empty;
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code = document.RootElement.TryGetProperty("code", out JsonElement c) ? c.ToString() : string.Empty;
                    message = document.RootElement.TryGetProperty("message", out JsonElement m) ? m.ToString() : string.Empty;
                }
            }
            catch (JsonException)
            {
                message = ServiceErrors.Unparsed(body);
            }

            string classified = status switch
            {
                401 => "InvalidToken",
                403 => "AccessDenied",
                404 => "NotFound",
                429 => "Throttling",
                400 when code.Length == 0 && codeFor400 != null => codeFor400,
                _ => code.Length > 0 ? code : "HttpStatus" + status,
            };
            return ServiceErrors.Create($"{service} {what}", status, classified, message, string.Empty, code.Length > 0 ? code : null);
        }

        /// <summary>An AuditError with the classifier's id and kind and, for API errors, the API's own message.</summary>
        public static AuditError ToAuditError(System.Exception e, string what, object target, string idPrefix)
        {
            AuditError classified = S3ErrorClassifier.ClassifyEntity(e, "the API call", what, target, idPrefix);
            return S3ErrorClassifier.Unwrap(e) is AmazonServiceException api ? new AuditError(classified.ErrorId, classified.Kind, api.Message, target, e) : classified;
        }
    }
}
