using System.Collections.Generic;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Audit.Engine.Acl
{
    /// <summary>Interprets ACL grants: who the grantee is and whether the grant is public.</summary>
    public static class AclGrantMapper
    {
        /// <summary>The AllUsers group: anyone, signed or not.</summary>
        public const string AllUsersUri = "http://acs.amazonaws.com/groups/global/AllUsers";
        /// <summary>The AuthenticatedUsers group: any AWS account.</summary>
        public const string AuthenticatedUsersUri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
        /// <summary>The log-delivery group (not public).</summary>
        public const string LogDeliveryUri = "http://acs.amazonaws.com/groups/s3/LogDelivery";

        /// <summary>AllUsers or AuthenticatedUsers for a public group URI (http or https, any case), otherwise empty.</summary>
        public static string PublicGroupOf(string? groupUri)
        {
            if (string.IsNullOrEmpty(groupUri))
            {
                return string.Empty;
            }

            string normalized = groupUri!.Trim().ToLowerInvariant().Replace("https://", "http://").TrimEnd('/');
            if (normalized == AllUsersUri.ToLowerInvariant())
            {
                return "AllUsers";
            }

            return normalized == AuthenticatedUsersUri.ToLowerInvariant() ? "AuthenticatedUsers" : string.Empty;
        }

        internal static IEnumerable<S3AuditAclGrant> ToRows(string bucketName, string key, Owner? owner, List<S3Grant>? grants, bool? aclsInForce, S3Provider provider, string region)
        {
            foreach (S3Grant grant in grants ?? new List<S3Grant>())
            {
                S3Grantee grantee = grant.Grantee ?? new S3Grantee();
                (string type, string id) = Identify(grantee);
                string publicGroup = type == "Group" ? PublicGroupOf(id) : string.Empty;
                yield return new S3AuditAclGrant
                {
                    BucketName = bucketName,
                    Key = key,
                    OwnerId = owner?.Id ?? string.Empty,
                    OwnerDisplayName = owner?.DisplayName ?? string.Empty,
                    GranteeType = type,
                    Grantee = id,
                    GranteeDisplayName = grantee.DisplayName ?? string.Empty,
                    GranteeName = NameOf(type, id, grantee.DisplayName),
                    Permission = grant.Permission?.Value ?? string.Empty,
                    IsPublic = publicGroup.Length > 0,
                    PublicGroup = publicGroup,
                    AclsInForce = aclsInForce,
                    Provider = provider,
                    Region = region,
                };
            }
        }

        /// <summary>A group by the last part of its URI (AllUsers, LogDelivery), a user by its display name, else the id.</summary>
        internal static string NameOf(string type, string id, string? displayName)
        {
            if (type == "Group")
            {
                string group = id.TrimEnd('/');
                return group.Substring(group.LastIndexOf('/') + 1);
            }

            return string.IsNullOrEmpty(displayName) ? id : displayName!;
        }

        private static (string Type, string Id) Identify(S3Grantee grantee)
        {
            if (!string.IsNullOrEmpty(grantee.URI) || grantee.Type == GranteeType.Group)
            {
                return ("Group", grantee.URI ?? string.Empty);
            }

            if (!string.IsNullOrEmpty(grantee.EmailAddress) || grantee.Type == GranteeType.Email)
            {
                return ("Email", grantee.EmailAddress ?? string.Empty);
            }

            return ("CanonicalUser", grantee.CanonicalUser ?? string.Empty);
        }
    }
}
