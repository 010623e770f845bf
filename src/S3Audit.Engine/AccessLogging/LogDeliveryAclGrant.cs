using System.Collections.Generic;
using System.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Acl;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// The legacy permission: WRITE and READ_ACP for the LogDelivery group on the target's ACL. The ACL is rewritten
    /// as x-amz-grant-* headers that repeat every existing grant, so no grant is lost (RGW rejects the SDK's XML body).
    /// </summary>
    internal static class LogDeliveryAclGrant
    {
        private static readonly S3Permission[] Needed = { S3Permission.WRITE, S3Permission.READ_ACP };

        /// <summary>True when the ACL already grants the LogDelivery group WRITE and READ_ACP.</summary>
        public static bool IsGranted(IEnumerable<S3Grant>? grants) =>
            Needed.All(p => (grants ?? Enumerable.Empty<S3Grant>()).Any(g => IsLogDelivery(g.Grantee) && g.Permission == p));

        /// <summary>A PutBucketAcl request with every existing grant plus the LogDelivery grants.</summary>
        public static PutBucketAclRequest Request(string bucket, IEnumerable<S3Grant>? existing)
        {
            var byPermission = new Dictionary<string, List<string>>();
            IEnumerable<(S3Permission Permission, string Grantee)> grants = (existing ?? Enumerable.Empty<S3Grant>())
                .Where(g => g.Permission != null && g.Grantee != null)
                .Select(g => (g.Permission, HeaderValue(g.Grantee)))
                .Concat(Needed.Select(p => (p, $"uri=\"{AclGrantMapper.LogDeliveryUri}\"")));
            foreach ((S3Permission permission, string grantee) in grants)
            {
                if (!byPermission.TryGetValue(permission.Value, out List<string>? list))
                {
                    byPermission[permission.Value] = list = new List<string>();
                }

                if (!list.Contains(grantee))
                {
                    list.Add(grantee);
                }
            }

            string? Header(S3Permission p) => byPermission.TryGetValue(p.Value, out List<string>? l) ? string.Join(", ", l) : null;
            return new PutBucketAclRequest
            {
                BucketName = bucket,
                GrantFullControl = Header(S3Permission.FULL_CONTROL),
                GrantRead = Header(S3Permission.READ),
                GrantWrite = Header(S3Permission.WRITE),
                GrantReadACP = Header(S3Permission.READ_ACP),
                GrantWriteACP = Header(S3Permission.WRITE_ACP),
            };
        }

        private static bool IsLogDelivery(S3Grantee? grantee) =>
            grantee?.URI != null && grantee.URI.TrimEnd('/').Replace("https://", "http://") == AclGrantMapper.LogDeliveryUri;

        private static string HeaderValue(S3Grantee grantee)
        {
            if (!string.IsNullOrEmpty(grantee.URI))
            {
                return $"uri=\"{grantee.URI}\"";
            }

            return !string.IsNullOrEmpty(grantee.EmailAddress) ? $"emailAddress=\"{grantee.EmailAddress}\"" : $"id=\"{grantee.CanonicalUser}\"";
        }
    }
}
