using System;
using System.Net;

namespace S3Audit.Engine.Proxy
{
    /// <summary>What Start-S3AuditProxy was asked for. The upstream's credentials and region come from the session.</summary>
    public sealed class ProxyStartRequest
    {
        /// <summary>The S3 endpoint to forward to (http or https, with a base path if any).</summary>
        public Uri Upstream { get; set; } = new Uri("http://127.0.0.1:9000");
        /// <summary>The address to listen on; loopback by default.</summary>
        public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;
        /// <summary>The port; 0 picks a free one.</summary>
        public int Port { get; set; }
        /// <summary>The folder for the access-log files (created when missing).</summary>
        public string LogPath { get; set; } = string.Empty;
        /// <summary>A PFX certificate for TLS on the listening side, or null for plain HTTP.</summary>
        public string? CertificatePath { get; set; }
        /// <summary>The PFX's password (already out of its SecureString), or null.</summary>
        public string? CertificatePassword { get; set; }
        /// <summary>Allows plain HTTP on an address other than loopback.</summary>
        public bool AllowPlainHttp { get; set; }
        /// <summary>What the log's Requester field says for the served key; the key id when empty.</summary>
        public string? Requester { get; set; }
        /// <summary>How often a new log file starts (at most an hour; a new hour always starts a new file).</summary>
        public TimeSpan RollInterval { get; set; } = TimeSpan.FromHours(1);
    }
}
