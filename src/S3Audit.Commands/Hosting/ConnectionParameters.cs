using System.Collections;
using System.Management.Automation;
using System.Security;
using S3Audit.Engine.Connection;

namespace S3Audit.Commands.Hosting
{
    /// <summary>The values of the shared connection parameters, from a running cmdlet or from a command line being completed.</summary>
    internal sealed class ConnectionParameters
    {
        public string? ProfileName { get; set; }
        public string? ProfileLocation { get; set; }
        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }
        public bool? ForcePathStyle { get; set; }
        public string? AccessKey { get; set; }
        public SecureString? SecretKey { get; set; }
        public SecureString? SessionToken { get; set; }
        public PSCredential? Credential { get; set; }
        public S3Provider? Provider { get; set; }

        /// <summary>
        /// The parameters already typed on a command line (an argument completer's fakeBoundParameters). A value
        /// PowerShell could not evaluate safely, or of the wrong type, is left out.
        /// </summary>
        public static ConnectionParameters FromBound(IDictionary bound)
        {
            T? Get<T>(string name) where T : class =>
                bound.Contains(name) && LanguagePrimitives.TryConvertTo(bound[name], out T converted) ? converted : null;

            return new ConnectionParameters
            {
                ProfileName = Get<string>(nameof(ProfileName)),
                ProfileLocation = Get<string>(nameof(ProfileLocation)),
                Region = Get<string>(nameof(Region)),
                EndpointUrl = Get<string>(nameof(EndpointUrl)),
                ForcePathStyle = bound.Contains(nameof(ForcePathStyle)) ? true : (bool?)null,
                AccessKey = Get<string>(nameof(AccessKey)),
                SecretKey = Get<SecureString>(nameof(SecretKey)),
                SessionToken = Get<SecureString>(nameof(SessionToken)),
                Credential = Get<PSCredential>(nameof(Credential)),
                Provider = bound.Contains(nameof(Provider)) && LanguagePrimitives.TryConvertTo(bound[nameof(Provider)], out S3Provider provider) ? provider : (S3Provider?)null,
            };
        }
    }
}
