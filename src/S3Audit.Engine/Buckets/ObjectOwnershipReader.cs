using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Buckets
{
    /// <summary>A bucket's Object Ownership and whether its ACLs govern access.</summary>
    public sealed class ObjectOwnershipState
    {
        internal ObjectOwnershipState(string ownership, bool? aclsInForce, string reason)
        {
            Ownership = ownership;
            AclsInForce = aclsInForce;
            Reason = reason;
        }

        /// <summary>BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter, NotSupported or Unknown.</summary>
        public string Ownership { get; }
        /// <summary>False when BucketOwnerEnforced; null when it cannot be known.</summary>
        public bool? AclsInForce { get; }
        /// <summary>Why the value is what it is.</summary>
        public string Reason { get; }
    }

    /// <summary>Reads Object Ownership where the provider has it, and says what the provider's ACLs mean where it does not.</summary>
    public static class ObjectOwnershipReader
    {
        /// <summary>Reads the bucket's ownership controls. Failures come back as Unknown with the reason, never as an exception.</summary>
        public static async Task<ObjectOwnershipState> ReadAsync(S3Session session, string bucketName, CancellationToken cancellationToken)
        {
            ProviderCapabilities capabilities = session.Capabilities;
            if (!capabilities.Supports(S3Feature.ObjectOwnership))
            {
                if (capabilities.AclAnswerIsFixed || !capabilities.Supports(S3Feature.Acl))
                {
                    return new ObjectOwnershipState("NotSupported", null, $"{session.Provider} has no Object Ownership and its ACL answer does not govern access.");
                }

                if (session.Provider == S3Provider.Generic)
                {
                    return new ObjectOwnershipState("NotSupported", null, "Object Ownership is not assumed for a generic endpoint.");
                }

                return new ObjectOwnershipState("NotSupported", true, $"{session.Provider} has no Object Ownership controls; ACLs are always in force.");
            }

            try
            {
                GetBucketOwnershipControlsResponse response = await session.Client.GetBucketOwnershipControlsAsync(
                    new GetBucketOwnershipControlsRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
                string? ownership = response.OwnershipControls?.Rules?.FirstOrDefault()?.ObjectOwnership?.Value;
                if (string.IsNullOrEmpty(ownership))
                {
                    return new ObjectOwnershipState("ObjectWriter", true, "No ownership rule is set; ACLs are in force (ObjectWriter).");
                }

                bool enforced = string.Equals(ownership, "BucketOwnerEnforced", StringComparison.Ordinal);
                return new ObjectOwnershipState(ownership!, !enforced, enforced ? "BucketOwnerEnforced disables ACLs." : $"{ownership} keeps ACLs in force.");
            }
            catch (Exception e) when (S3ErrorClassifier.ErrorCode(e) == "OwnershipControlsNotFoundError")
            {
                return new ObjectOwnershipState("ObjectWriter", true, "No ownership controls are set; ACLs are in force (ObjectWriter).");
            }
            catch (Exception e) when (!S3ErrorClassifier.EndsRun(e) && (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested))
            {
                AuditError error = S3ErrorClassifier.Classify(e, "GetBucketOwnershipControls", bucketName);
                return new ObjectOwnershipState("Unknown", null, error.Message);
            }
        }
    }
}
