using System;

namespace S3Audit.Engine.Connection
{
    /// <summary>No usable credentials: a run-wide failure, terminating in a cmdlet.</summary>
    public sealed class CredentialResolutionException : Exception
    {
        /// <summary>Creates the exception with a message that names what is missing.</summary>
        public CredentialResolutionException(string message) : base(message)
        {
        }
    }
}
