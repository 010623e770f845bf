using System;

namespace S3Audit.Engine.Providers
{
    /// <summary>The provider lacks a feature a cmdlet needs. The message names provider, feature and the alternative.</summary>
    public sealed class FeatureNotSupportedException : NotSupportedException
    {
        /// <summary>Creates the exception.</summary>
        public FeatureNotSupportedException(S3Provider provider, S3Feature feature, string? alternative)
            : base($"{provider} does not support {feature}." + (string.IsNullOrEmpty(alternative) ? string.Empty : " " + alternative))
        {
            Provider = provider;
            Feature = feature;
            Alternative = alternative;
        }

        /// <summary>The provider.</summary>
        public S3Provider Provider { get; }
        /// <summary>The missing feature.</summary>
        public S3Feature Feature { get; }
        /// <summary>What to use instead, when there is something.</summary>
        public string? Alternative { get; }
    }
}
