using System.Collections.Generic;
using System.Text.Json;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// The AWS IAM identity policy for a log reader or writer: actions named one by one, scoped to the bucket and
    /// prefix (s3:ListBucket limited by s3:prefix), and aws:SecureTransport required on every statement.
    /// </summary>
    internal static class AwsLogPolicyBuilder
    {
        private sealed class Statement
        {
            public Statement(string sid, string[] actions, string[] resources, string? listPrefix = null)
            {
                Sid = sid;
                Actions = actions;
                Resources = resources;
                ListPrefix = listPrefix;
            }

            public string Sid { get; }
            public string[] Actions { get; }
            public string[] Resources { get; }
            public string? ListPrefix { get; }
        }

        public static (string Document, int Statements) Build(LogPolicyRequest request)
        {
            string bucketArn = "arn:aws:s3:::" + request.BucketName;
            string prefix = request.NormalisedPrefix;
            string objectsArn = $"{bucketArn}/{prefix}*";
            string? listPrefix = prefix.Length > 0 ? prefix + "*" : null;
            var statements = new List<Statement>();

            if (request.Purpose == LogPolicyPurpose.ReadOnlyLog)
            {
                // Finding the logs: which buckets exist and which of them log where.
                statements.Add(new Statement("FindLogBuckets", new[] { "s3:ListAllMyBuckets", "s3:GetBucketLogging" }, new[] { "arn:aws:s3:::*" }));
                statements.Add(new Statement("LocateLogBucket", new[] { "s3:GetBucketLocation" }, new[] { bucketArn }));
                statements.Add(new Statement("ListLogObjects", new[] { "s3:ListBucket" }, new[] { bucketArn }, listPrefix));
                statements.Add(new Statement("ReadLogObjects", new[] { "s3:GetObject" }, new[] { objectsArn }));
                if (request.AllowDelete)
                {
                    statements.Add(new Statement("PurgeLogObjects", new[] { "s3:DeleteObject" }, new[] { objectsArn }));
                }

                if (!string.IsNullOrEmpty(request.KmsKeyArn))
                {
                    statements.Add(new Statement("DecryptLogObjects", new[] { "kms:Decrypt" }, new[] { request.KmsKeyArn! }));
                }
            }
            else
            {
                statements.Add(new Statement("LocateBucket", new[] { "s3:GetBucketLocation" }, new[] { bucketArn }));
                statements.Add(new Statement("ListStoredObjects", new[] { "s3:ListBucket" }, new[] { bucketArn }, listPrefix));
                statements.Add(new Statement("ReadWriteStoredObjects", new[] { "s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts" }, new[] { objectsArn }));
                if (request.AllowDelete)
                {
                    statements.Add(new Statement("DeleteStoredObjects", new[] { "s3:DeleteObject" }, new[] { objectsArn }));
                }

                if (!string.IsNullOrEmpty(request.KmsKeyArn))
                {
                    statements.Add(new Statement("UseKmsKey", new[] { "kms:GenerateDataKey", "kms:Decrypt" }, new[] { request.KmsKeyArn! }));
                }
            }

            string json = JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("Version", "2012-10-17");
                writer.WriteStartArray("Statement");
                foreach (Statement statement in statements)
                {
                    Write(writer, statement);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return (json, statements.Count);
        }

        private static void Write(Utf8JsonWriter writer, Statement statement)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", statement.Sid);
            writer.WriteString("Effect", "Allow");
            JsonText.StringOrList(writer, "Action", statement.Actions);
            JsonText.StringOrList(writer, "Resource", statement.Resources);
            writer.WriteStartObject("Condition");
            writer.WriteStartObject("Bool");
            writer.WriteString("aws:SecureTransport", "true");
            writer.WriteEndObject();
            if (statement.ListPrefix != null)
            {
                writer.WriteStartObject("StringLike");
                writer.WriteString("s3:prefix", statement.ListPrefix);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
