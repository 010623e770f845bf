using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Commands.Completion;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Base of every cmdlet that talks to a storage endpoint: the AWS.Tools-shaped connection parameters and the
    /// session they open (engine plumbing comes from <see cref="EngineCmdlet"/>).
    /// </summary>
    public abstract class S3AuditCmdlet : EngineCmdlet
    {
        private S3Session? _session;

        /// <summary>A profile in the shared credentials/config files.</summary>
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>A custom credentials file.</summary>
        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        /// <summary>The region, e.g. us-east-1 or ch-gva-2.</summary>
        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>A custom S3 endpoint: https://sos-ch-gva-2.exo.io, https://s3.us-east-1.lyvecloud.seagate.com, http://minio:9000.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>Path-style addressing (default for custom endpoints).</summary>
        [Parameter]
        public SwitchParameter ForcePathStyle { get; set; }

        /// <summary>The access key id.</summary>
        [Parameter]
        [Alias("AK")]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        /// <summary>The secret key, as a SecureString.</summary>
        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        public SecureString? SecretKey { get; set; }

        /// <summary>The session token of temporary credentials.</summary>
        [Parameter]
        [Alias("ST")]
        public SecureString? SessionToken { get; set; }

        /// <summary>Access key as user name and secret key as password.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The provider; detected from the endpoint host when omitted.</summary>
        [Parameter]
        public S3Provider? Provider { get; set; }

        /// <summary>The connection options the parameters describe; secrets leave their SecureStrings only here.</summary>
        internal S3ConnectionOptions BuildConnectionOptions() => ConnectionOptions(new ConnectionParameters
        {
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation,
            Region = Region,
            EndpointUrl = EndpointUrl,
            ForcePathStyle = MyInvocation.BoundParameters.ContainsKey(nameof(ForcePathStyle)) ? ForcePathStyle.IsPresent : (bool?)null,
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            SessionToken = SessionToken,
            Credential = Credential,
            Provider = Provider,
        });

        /// <summary>The connection options for parameter values (of a running cmdlet, or of a command line being completed).</summary>
        internal static S3ConnectionOptions ConnectionOptions(ConnectionParameters p)
        {
            var options = new S3ConnectionOptions
            {
                ProfileName = p.ProfileName,
                ProfileLocation = p.ProfileLocation,
                Region = p.Region,
                EndpointUrl = p.EndpointUrl,
                ForcePathStyle = p.ForcePathStyle,
                Provider = p.Provider,
                SessionToken = Plain(p.SessionToken),
            };

            if (!string.IsNullOrEmpty(p.AccessKey) || p.SecretKey != null)
            {
                options.AccessKey = p.AccessKey;
                options.SecretKey = Plain(p.SecretKey);
            }
            else if (p.Credential != null)
            {
                options.AccessKey = p.Credential.UserName;
                options.SecretKey = p.Credential.GetNetworkCredential().Password;
                options.KeysFromCredentialObject = true;
            }

            return options;
        }

        /// <summary>The session for this invocation, opened on first use. Bad credentials or endpoint end the command.</summary>
        internal S3Session Session
        {
            get
            {
                if (_session == null)
                {
                    try
                    {
                        _session = S3Session.Open(BuildConnectionOptions(), WriteVerbose);
                    }
                    catch (CredentialResolutionException e)
                    {
                        ThrowTerminatingError(new ErrorRecord(e, ErrorIds.CredentialsNotFound, ErrorCategory.AuthenticationError, ProfileName));
                    }
                    catch (ArgumentException e)
                    {
                        ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidEndpoint, EndpointUrl));
                    }
                }

                return _session!;
            }
        }

        /// <summary>Ends the command when the provider lacks a feature the whole command needs.</summary>
        internal void RequireFeature(S3Feature feature)
        {
            try
            {
                Session.Capabilities.Require(feature);
            }
            catch (FeatureNotSupportedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FeatureNotSupported, ErrorCategory.NotImplemented, Session.Provider));
            }
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _session?.Dispose();
            }

            base.Dispose(disposing);
        }

        private static string? Plain(SecureString? secure) => secure == null ? null : new NetworkCredential(string.Empty, secure).Password;
    }
}
