using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>Classifies a statement's Action or NotAction list as read, write and list access to S3.</summary>
    internal static class ActionAccess
    {
        private static readonly string[] ReadActions = { "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:GetBucketPolicy" };
        private static readonly string[] WriteActions =
        {
            "s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutBucketAcl", "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy", "s3:DeleteBucket", "s3:AbortMultipartUpload", "s3:RestoreObject", "s3:PutBucketPublicAccessBlock",
        };
        private static readonly string[] ListActions = { "s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads" };

        /// <summary>What the statement's actions cover. NotAction covers every action it does not name.</summary>
        public static PublicAccess Of(PolicyStatement statement)
        {
            PublicAccess access = PublicAccess.None;
            if (ReadActions.Any(a => Covers(statement, a))) access |= PublicAccess.Read;
            if (WriteActions.Any(a => Covers(statement, a))) access |= PublicAccess.Write;
            if (ListActions.Any(a => Covers(statement, a))) access |= PublicAccess.List;
            return access;
        }

        /// <summary>The Action list, or "NOT " and the NotAction list.</summary>
        public static string Describe(PolicyStatement statement) =>
            statement.NotActions.Count > 0 ? "NOT " + string.Join(", ", statement.NotActions) : string.Join(", ", statement.Actions);

        private static bool Covers(PolicyStatement statement, string action) =>
            statement.NotActions.Count > 0
                ? !statement.NotActions.Any(p => PolicyValue.ActionMatches(p, action))
                : statement.Actions.Any(p => PolicyValue.ActionMatches(p, action));

        /// <summary>"read, write, list" for an access set, "no S3 data access" for none.</summary>
        public static string Words(PublicAccess access)
        {
            var words = new List<string>();
            if ((access & PublicAccess.Read) != 0) words.Add("read");
            if ((access & PublicAccess.Write) != 0) words.Add("write");
            if ((access & PublicAccess.List) != 0) words.Add("list");
            return words.Count == 0 ? "no S3 data access" : string.Join(", ", words);
        }
    }
}
