using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Proxy
{
    /// <summary>S3's XML error document, written for requests the gateway answers itself, and read from upstream errors.</summary>
    internal static class S3ErrorXml
    {
        private static readonly Regex CodeElement = new Regex(@"<Code>\s*([^<\s]{1,128})\s*</Code>", RegexOptions.Compiled);

        public static byte[] Build(string code, string message, string resource, string requestId) =>
            Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + SecurityElement.Escape(code) + "</Code><Message>" + SecurityElement.Escape(message) +
                "</Message><Resource>" + SecurityElement.Escape(resource) + "</Resource><RequestId>" + requestId + "</RequestId></Error>");

        /// <summary>The error code in an S3 error body, or empty.</summary>
        public static string CodeOf(byte[] body, int length)
        {
            Match match = CodeElement.Match(Encoding.UTF8.GetString(body, 0, length));
            return match.Success ? match.Groups[1].Value : string.Empty;
        }
    }
}
