using System;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Turns a target into connection options, reading its key variables from the environment only now.</summary>
    internal static class TargetConnection
    {
        /// <summary>The options; a named variable that is unset is a <see cref="CredentialResolutionException"/> for this target only.</summary>
        public static S3ConnectionOptions Options(AuditTarget target, Func<string, string?> environment)
        {
            var options = new S3ConnectionOptions
            {
                EndpointUrl = target.Endpoint,
                Region = target.Region,
                Provider = target.Provider,
                ProfileName = target.Profile,
                ProfileLocation = target.ProfileLocation,
                ForcePathStyle = target.ForcePathStyle,
            };

            if (target.AccessKeyVariable != null && target.SecretKeyVariable != null)
            {
                options.AccessKey = Required(target.AccessKeyVariable, target, environment);
                options.SecretKey = Required(target.SecretKeyVariable, target, environment);
                options.SessionToken = target.SessionTokenVariable == null ? null : Required(target.SessionTokenVariable, target, environment);
            }

            return options;
        }

        private static string Required(string variable, AuditTarget target, Func<string, string?> environment)
        {
            string? value = environment(variable);
            if (string.IsNullOrEmpty(value))
            {
                throw new CredentialResolutionException($"The environment variable '{variable}' named by target '{target.Name}' is not set.");
            }

            return value!;
        }
    }
}
