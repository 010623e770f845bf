using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>
    /// The report's stylesheet and script (report.css, report.js, embedded in the engine) and the Content-Security-Policy
    /// that allows exactly these two inline blocks by their SHA-256 hash and nothing else: no other script, style,
    /// image, font, frame, form target or connection, so a value that escaped its escaping still could not run or load.
    /// </summary>
    internal static class ReportAssets
    {
        private static readonly Lazy<string> LazyStyle = new Lazy<string>(() => Read("report.css"));
        private static readonly Lazy<string> LazyScript = new Lazy<string>(() => Read("report.js"));
        private static readonly Lazy<string> LazyPolicy = new Lazy<string>(() =>
            $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'none'; base-uri 'none'; form-action 'none'");

        public static string Style => LazyStyle.Value;

        public static string Script => LazyScript.Value;

        public static string ContentSecurityPolicy => LazyPolicy.Value;

        /// <summary>A CSP source expression for an inline block: 'sha256-' and the base64 hash of its UTF-8 text.</summary>
        public static string Hash(string inlineText)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(inlineText)));
            }
        }

        private static string Read(string name)
        {
            using (Stream? stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("S3Audit.Engine.Reports." + name))
            {
                if (stream == null)
                {
                    throw new InvalidOperationException($"The engine assembly lacks its embedded resource {name}.");
                }

                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    return reader.ReadToEnd();
                }
            }
        }
    }
}
