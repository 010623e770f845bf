using System;
using System.Globalization;
using System.Text;
using S3Audit.Engine.Proxy.Signing;
using S3Audit.Engine.Security;

namespace S3Audit.Engine.Proxy.Logging
{
    /// <summary>
    /// Formats a <see cref="ProxyLogRecord"/> as one AWS server access log line: AWS's 26 fields in AWS's order,
    /// "-" for an empty field, the key URL-encoded, Request-URI, Referer and User-Agent in double quotes. As AWS
    /// does, quotes inside the User-Agent are not escaped (the module's reader takes the last quote of the line);
    /// control characters never reach the line, and the Request-URI has presigned secrets masked.
    /// </summary>
    internal static class AccessLogLine
    {
        public static string Format(ProxyLogRecord r)
        {
            var line = new StringBuilder(512);
            Field(line, string.Empty); // bucket owner: the gateway does not know the owner's canonical id
            Field(line, r.Bucket);
            line.Append('[').Append(r.Time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)).Append(" +0000] ");
            Field(line, r.RemoteIp);
            Field(line, Token(r.Requester));
            Field(line, Token(r.RequestId));
            Field(line, r.Operation);
            Field(line, r.Key.Length == 0 ? string.Empty : S3UriEncoding.Encode(r.Key, keepSlash: true));
            line.Append('"').Append(r.Method).Append(' ').Append(Clean(SecretMasker.MaskText(r.Target))).Append(' ').Append(r.Protocol).Append("\" ");
            Field(line, r.Status.ToString(CultureInfo.InvariantCulture));
            Field(line, Token(r.ErrorCode));
            Field(line, r.BytesSent > 0 ? r.BytesSent.ToString(CultureInfo.InvariantCulture) : string.Empty);
            Field(line, r.ObjectSize >= 0 ? r.ObjectSize.ToString(CultureInfo.InvariantCulture) : string.Empty);
            Field(line, r.TotalTimeMs.ToString(CultureInfo.InvariantCulture));
            Field(line, r.TurnAroundMs >= 0 ? r.TurnAroundMs.ToString(CultureInfo.InvariantCulture) : string.Empty);
            Quoted(line, Clean(r.Referer).Replace("\"", "%22"));
            Quoted(line, Clean(r.UserAgent));
            Field(line, Token(r.VersionId));
            Field(line, Token(r.HostId));
            Field(line, r.SignatureVersion);
            Field(line, Token(r.CipherSuite));
            Field(line, r.AuthType);
            Field(line, Token(r.Host));
            Field(line, r.TlsVersion);
            Field(line, string.Empty); // access point ARN
            line.Append('-');          // aclRequired
            return line.ToString();
        }

        private static void Field(StringBuilder line, string value) => line.Append(value.Length == 0 ? "-" : value).Append(' ');

        private static void Quoted(StringBuilder line, string value) => line.Append('"').Append(value.Length == 0 ? "-" : value).Append("\" ");

        /// <summary>A value that must stay one space-free token.</summary>
        private static string Token(string value) => Clean(value).Replace(' ', '+');

        private static string Clean(string value)
        {
            foreach (char c in value)
            {
                if (char.IsControl(c))
                {
                    var text = new StringBuilder(value.Length);
                    foreach (char d in value)
                    {
                        text.Append(char.IsControl(d) ? '?' : d);
                    }

                    return text.ToString();
                }
            }

            return value;
        }
    }
}
