using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace S3Audit.Engine.Connection
{
    /// <summary>Credentials and a sentence that says where they came from (never the secret).</summary>
    internal sealed class ResolvedCredentials
    {
        public ResolvedCredentials(AWSCredentials credentials, string source, CredentialProfile? profile)
        {
            Credentials = credentials;
            Source = source;
            Profile = profile;
        }

        public AWSCredentials Credentials { get; }
        public string Source { get; }
        public CredentialProfile? Profile { get; }
    }

    /// <summary>
    /// Resolution order of AWS Tools for PowerShell: -AccessKey/-SecretKey, then -Credential, then
    /// -ProfileName/-ProfileLocation (an error when missing; the search stops there), then the SDK's default
    /// chain (environment variables, AWS_PROFILE, the default profile, container and instance credentials).
    /// </summary>
    internal sealed class CredentialResolver
    {
        private readonly Func<string?, ICredentialProfileSource> _profileStoreFactory;
        private readonly Func<AWSCredentials?> _defaultChain;

        public CredentialResolver()
            : this(location => new ProfileStoreSource(location), DefaultChain)
        {
        }

        internal CredentialResolver(Func<string?, ICredentialProfileSource> profileStoreFactory, Func<AWSCredentials?> defaultChain)
        {
            _profileStoreFactory = profileStoreFactory;
            _defaultChain = defaultChain;
        }

        public ResolvedCredentials Resolve(S3ConnectionOptions options)
        {
            if (!string.IsNullOrEmpty(options.AccessKey) || !string.IsNullOrEmpty(options.SecretKey))
            {
                if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
                {
                    throw new CredentialResolutionException("Both an access key and a secret key are needed; only one was given.");
                }

                string from = options.KeysFromCredentialObject ? "the -Credential parameter" : "the -AccessKey and -SecretKey parameters";
                AWSCredentials keys = string.IsNullOrEmpty(options.SessionToken)
                    ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
                    : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
                string withToken = string.IsNullOrEmpty(options.SessionToken) ? string.Empty : " with a session token";
                return new ResolvedCredentials(keys, $"Credentials obtained from {from}{withToken} (access key {Security.SecretMasker.MaskAccessKey(options.AccessKey)}).", null);
            }

            if (!string.IsNullOrEmpty(options.ProfileName) || !string.IsNullOrEmpty(options.ProfileLocation))
            {
                string name = string.IsNullOrEmpty(options.ProfileName) ? "default" : options.ProfileName!;
                ICredentialProfileSource store = _profileStoreFactory(options.ProfileLocation);
                if (!store.TryGetProfile(name, out CredentialProfile? profile) || profile is null ||
                    !store.TryGetAWSCredentials(name, out AWSCredentials? fromProfile) || fromProfile is null)
                {
                    string where = string.IsNullOrEmpty(options.ProfileLocation) ? "the shared credentials and config files" : options.ProfileLocation!;
                    throw new CredentialResolutionException($"Profile '{name}' was not found in {where}.");
                }

                return new ResolvedCredentials(fromProfile, $"Credentials obtained from profile '{name}' in {store.Location}.", profile);
            }

            AWSCredentials? chain = _defaultChain();
            if (chain is null)
            {
                throw new CredentialResolutionException(
                    "No credentials were found: give -ProfileName, -AccessKey and -SecretKey, or -Credential, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a default profile.");
            }

            return new ResolvedCredentials(chain, $"Credentials obtained from the SDK default chain ({DescribeChainSource()}).", null);
        }

        private static string DescribeChainSource()
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
            {
                return "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
            }

            string? profile = Environment.GetEnvironmentVariable("AWS_PROFILE");
            return string.IsNullOrEmpty(profile) ? "default profile or instance credentials" : $"profile '{profile}' from AWS_PROFILE";
        }

        private static AWSCredentials? DefaultChain()
        {
            try
            {
                return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            }
            catch (AmazonClientException)
            {
                return null;
            }
        }
    }

    /// <summary>The profile store seam, so tests can resolve profiles from files they write.</summary>
    internal interface ICredentialProfileSource
    {
        string Location { get; }
        bool TryGetProfile(string name, out CredentialProfile? profile);
        bool TryGetAWSCredentials(string name, out AWSCredentials? credentials);
    }

    internal sealed class ProfileStoreSource : ICredentialProfileSource
    {
        private readonly CredentialProfileStoreChain _chain;

        public ProfileStoreSource(string? location)
        {
            _chain = string.IsNullOrEmpty(location) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);
            Location = string.IsNullOrEmpty(location) ? "the shared credentials and config files" : location!;
        }

        public string Location { get; }

        public bool TryGetProfile(string name, out CredentialProfile? profile)
        {
            bool found = _chain.TryGetProfile(name, out CredentialProfile p);
            profile = p;
            return found;
        }

        public bool TryGetAWSCredentials(string name, out AWSCredentials? credentials)
        {
            bool found = _chain.TryGetAWSCredentials(name, out AWSCredentials c);
            credentials = c;
            return found;
        }
    }
}
