using System.Text.RegularExpressions;

namespace S3Audit.Engine.Security
{
    /// <summary>
    /// Removes secrets from any text before it reaches output, verbose messages or errors: Authorization headers
    /// (scheme and access key kept), signatures, session tokens, secret keys, cookies, SSE-C keys and presigned
    /// query strings.
    /// </summary>
    public static class SecretMasker
    {
        /// <summary>What replaces a secret.</summary>
        public const string Mask = "***";

        private static readonly Regex[] Patterns =
        {
            // AWS4-HMAC-SHA256 Credential=AKID/date/region/s3/aws4_request, SignedHeaders=..., Signature=hex
            new Regex(@"(Signature=)[0-9a-fA-F]+", RegexOptions.Compiled),
            new Regex(@"((?:X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential|AWSAccessKeyId|Signature|x-amz-security-token|x-amz-signature|x-amz-credential)=)[^&\s""']+", RegexOptions.Compiled | RegexOptions.IgnoreCase),
            new Regex(@"(""?(?:X-Amz-Security-Token|x-amz-server-side-encryption-customer-key|Cookie|Set-Cookie|Proxy-Authorization|X-Auth-Token|SecretAccessKey|SecretKey|secret_key|aws_secret_access_key|aws_session_token|SessionToken|Password)""?\s*[:=]\s*""?)([^""\r\n,}]+)", RegexOptions.Compiled | RegexOptions.IgnoreCase),
            // "AWS AKID:signature" (SigV2)
            new Regex(@"(\bAWS [A-Z0-9]{4,128}:)[A-Za-z0-9+/=]+", RegexOptions.Compiled),
        };

        /// <summary>The text with every recognised secret replaced by <see cref="Mask"/>.</summary>
        public static string MaskText(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = text!;
            foreach (Regex pattern in Patterns)
            {
                result = pattern.Replace(result, m => m.Groups[1].Value + Mask);
            }

            return result;
        }

        /// <summary>An access key id reduced to its last four characters (e.g. ****WXYZ).</summary>
        public static string MaskAccessKey(string? accessKeyId)
        {
            if (string.IsNullOrEmpty(accessKeyId))
            {
                return string.Empty;
            }

            return accessKeyId!.Length <= 4 ? "****" : "****" + accessKeyId.Substring(accessKeyId.Length - 4);
        }
    }
}
