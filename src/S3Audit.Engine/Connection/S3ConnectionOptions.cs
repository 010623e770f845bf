using System;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// What the caller says about where and as whom to connect. Every member is optional; what is missing is
    /// resolved in the order AWS Tools for PowerShell documents (see <see cref="CredentialResolver"/>).
    /// </summary>
    public sealed class S3ConnectionOptions
    {
        /// <summary>Access key id given on the command line.</summary>
        public string? AccessKey { get; set; }
        /// <summary>Secret key, already taken out of its SecureString by the caller.</summary>
        public string? SecretKey { get; set; }
        /// <summary>Session token of temporary credentials.</summary>
        public string? SessionToken { get; set; }
        /// <summary>True when the keys came from a PSCredential rather than -AccessKey/-SecretKey.</summary>
        public bool KeysFromCredentialObject { get; set; }
        /// <summary>A named profile in the shared credentials/config files.</summary>
        public string? ProfileName { get; set; }
        /// <summary>A custom credentials file.</summary>
        public string? ProfileLocation { get; set; }
        /// <summary>Region system name (us-east-1, ch-gva-2 ...).</summary>
        public string? Region { get; set; }
        /// <summary>Custom endpoint, e.g. https://sos-ch-gva-2.exo.io. Empty means AWS.</summary>
        public string? EndpointUrl { get; set; }
        /// <summary>Path-style addressing; defaults to true for custom endpoints.</summary>
        public bool? ForcePathStyle { get; set; }
        /// <summary>The provider; detected from the endpoint host when null.</summary>
        public S3Provider? Provider { get; set; }
        /// <summary>Total attempts per request (first try included). SDK standard retry mode.</summary>
        public int MaxAttempts { get; set; } = 3;
        /// <summary>Time to the first byte of a response.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>
        /// Time to set up the TCP (and TLS) connection (PowerShell 7; Windows PowerShell has none). A host that answers
        /// at all connects far sooner; one that does not is reported as unreachable after this long, not after <see cref="Timeout"/>.
        /// </summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>A copy with another endpoint (the caller's options are never changed).</summary>
        internal S3ConnectionOptions WithEndpoint(string endpointUrl)
        {
            var copy = (S3ConnectionOptions)MemberwiseClone();
            copy.EndpointUrl = endpointUrl;
            return copy;
        }
    }
}
