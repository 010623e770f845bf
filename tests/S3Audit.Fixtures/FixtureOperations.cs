using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Credentials;
using S3Audit.TestSupport;

namespace S3Audit.Fixtures;

/// <summary>
/// The arrangements the Pester suites need on RGW. Each request names its operation in "op"; "root": true runs it
/// as the account root instead of the plain user "test". Values may be JSON strings or their typed forms.
/// </summary>
internal sealed class FixtureOperations
{
    private readonly Lazy<AmazonS3Client> _user = new(() => RgwServer.RawClient());
    private readonly Lazy<AmazonS3Client> _root = new(() => RgwServer.RawClient(accountRoot: true));
    private RecordedHttpServer? _lyveAccountApi;

    public async Task<string> AnswerAsync(string line)
    {
        try
        {
            JsonObject request = JsonNode.Parse(line)?.AsObject() ?? throw new ArgumentException("empty request");
            JsonObject answer = await RunAsync(request);
            answer["ok"] = true;
            return answer.ToJsonString();
        }
        catch (Exception e)
        {
            string message = e is AmazonS3Exception s3 ? $"{s3.ErrorCode} ({(int)s3.StatusCode}): {s3.Message}" : $"{e.GetType().Name}: {e.Message}";
            return new JsonObject { ["ok"] = false, ["error"] = message }.ToJsonString();
        }
    }

    private async Task<JsonObject> RunAsync(JsonObject r)
    {
        string op = Text(r, "op");
        AmazonS3Client s3 = Flag(r, "root") ? _root.Value : _user.Value;
        switch (op)
        {
            case "newBucket":
                return new JsonObject { ["bucket"] = await NewBucketAsync(s3, r) };
            case "removeBucket":
                await RemoveBucketAsync(s3, Text(r, "bucket"));
                return new JsonObject();
            case "putObject":
                await s3.PutObjectAsync(PutObject(r));
                return new JsonObject();
            case "getObject":
                using (GetObjectResponse got = await s3.GetObjectAsync(Text(r, "bucket"), Text(r, "key")))
                using (var reader = new StreamReader(got.ResponseStream))
                {
                    return new JsonObject { ["content"] = await reader.ReadToEndAsync() };
                }

            case "listBuckets":
                return new JsonObject { ["buckets"] = new JsonArray((await s3.ListBucketsAsync()).Buckets?.Select(b => (JsonNode)b.BucketName).ToArray() ?? Array.Empty<JsonNode>()) };
            case "listObjects":
                return new JsonObject { ["keys"] = new JsonArray((await ListKeysAsync(s3, Text(r, "bucket"), Optional(r, "prefix"))).Select(k => (JsonNode)k).ToArray()) };
            case "putAcl":
                await s3.PutACLAsync(new PutACLRequest { BucketName = Text(r, "bucket"), Key = Optional(r, "key"), CannedACL = S3CannedACL.FindValue(Text(r, "acl")) });
                return new JsonObject();
            case "putPolicy":
                await s3.PutBucketPolicyAsync(Text(r, "bucket"), Text(r, "policy"));
                return new JsonObject();
            case "getPolicy":
                return new JsonObject { ["policy"] = (await s3.GetBucketPolicyAsync(Text(r, "bucket"))).Policy };
            case "deletePolicy":
                await s3.DeleteBucketPolicyAsync(Text(r, "bucket"));
                return new JsonObject();
            case "putPublicAccessBlock":
                await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
                {
                    BucketName = Text(r, "bucket"),
                    PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
                    {
                        BlockPublicAcls = Flag(r, "blockPublicAcls"),
                        IgnorePublicAcls = Flag(r, "ignorePublicAcls"),
                        BlockPublicPolicy = Flag(r, "blockPublicPolicy"),
                        RestrictPublicBuckets = Flag(r, "restrictPublicBuckets"),
                    },
                });
                return new JsonObject();
            case "putLogging":
                await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest
                {
                    BucketName = Text(r, "bucket"),
                    LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = Text(r, "targetBucket"), TargetPrefix = Optional(r, "targetPrefix") ?? string.Empty },
                });
                return new JsonObject();
            case "deleteLogging":
                await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = Text(r, "bucket"), LoggingConfig = new S3BucketLoggingConfig() });
                return new JsonObject();
            case "putVersioning":
                await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
                {
                    BucketName = Text(r, "bucket"),
                    VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.FindValue(Optional(r, "status") ?? "Enabled") },
                });
                return new JsonObject();
            case "putEncryption":
                await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                {
                    BucketName = Text(r, "bucket"),
                    ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                    {
                        ServerSideEncryptionRules =
                        {
                            new ServerSideEncryptionRule
                            {
                                ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                                {
                                    ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.FindValue(Optional(r, "algorithm") ?? "aws:kms"),
                                    ServerSideEncryptionKeyManagementServiceKeyId = Optional(r, "keyId"),
                                },
                            },
                        },
                    },
                });
                return new JsonObject();
            case "iam":
                return new JsonObject { ["xml"] = (await IamAsync(Text(r, "action"), r["params"]?.AsObject())).ToString() };
            case "newUser":
                return await NewUserAsync(Text(r, "user"), Optional(r, "policy"));
            case "removeUser":
                await RemoveUserAsync(Text(r, "user"));
                return new JsonObject();
            case "lyveAccountApi":
                _lyveAccountApi ??= LyveAccountApiStub.Start();
                return new JsonObject { ["url"] = _lyveAccountApi.Url + "/v2" };
            default:
                throw new ArgumentException($"unknown op '{op}'");
        }
    }

    private static async Task<string> NewBucketAsync(AmazonS3Client s3, JsonObject r)
    {
        string bucket = Optional(r, "bucket") ?? RgwServer.UniqueBucket(Optional(r, "prefix") ?? "pester");
        var put = new PutBucketRequest { BucketName = bucket, ObjectLockEnabledForBucket = Flag(r, "objectLock") };
        if (Optional(r, "acl") is string acl)
        {
            put.CannedACL = S3CannedACL.FindValue(acl);
        }

        await s3.PutBucketAsync(put);
        if (Flag(r, "versioning"))
        {
            await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = bucket, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
        }

        return bucket;
    }

    private static PutObjectRequest PutObject(JsonObject r)
    {
        var put = new PutObjectRequest { BucketName = Text(r, "bucket"), Key = Text(r, "key") };
        if (Optional(r, "path") is string path)
        {
            put.FilePath = path;
        }
        else
        {
            put.ContentBody = Optional(r, "content") ?? string.Empty;
        }

        if (Optional(r, "acl") is string acl)
        {
            put.CannedACL = S3CannedACL.FindValue(acl);
        }

        return put;
    }

    private static async Task<List<string>> ListKeysAsync(AmazonS3Client s3, string bucket, string? prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? new List<S3Object>()).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys;
    }

    // Every version and delete marker first (versioned and object-lock buckets), then the bucket; a bucket already
    // gone is fine. Governance-locked versions are removed with the bypass header. RGW delivers access logs some
    // seconds late, so a log target can fill again after it was emptied: empty and try again a few times.
    private static async Task RemoveBucketAsync(AmazonS3Client s3, string bucket)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await EmptyBucketAsync(s3, bucket);
                await s3.DeleteBucketAsync(bucket);
                return;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
                return;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "BucketNotEmpty" && attempt < 8)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    private static async Task EmptyBucketAsync(AmazonS3Client s3, string bucket)
    {
        var request = new ListVersionsRequest { BucketName = bucket };
        ListVersionsResponse page;
        do
        {
            page = await s3.ListVersionsAsync(request);
            foreach (S3ObjectVersion version in page.Versions ?? new List<S3ObjectVersion>())
            {
                await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = version.Key, VersionId = version.VersionId, BypassGovernanceRetention = true });
            }

            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
        while (page.IsTruncated == true);
    }

    private static async Task<XElement> IamAsync(string action, JsonObject? parameters)
    {
        using S3Session session = RgwServer.OpenSession(accountRoot: true);
        using var signed = session.CreateSignedClient("us-east-1");
        var iam = new IamQueryClient(signed, new Uri(RgwServer.Endpoint));
        var values = parameters?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty) ?? new Dictionary<string, string>();
        return await iam.CallAsync(action, values, CancellationToken.None);
    }

    private static async Task<JsonObject> NewUserAsync(string user, string? policy)
    {
        await IamAsync("CreateUser", new JsonObject { ["UserName"] = user });
        XElement key = await IamAsync("CreateAccessKey", new JsonObject { ["UserName"] = user });
        if (policy != null)
        {
            await IamAsync("PutUserPolicy", new JsonObject { ["UserName"] = user, ["PolicyName"] = "fixture", ["PolicyDocument"] = policy });
        }

        string Value(string name) => key.Descendants().First(e => e.Name.LocalName == name).Value;
        return new JsonObject { ["user"] = user, ["accessKey"] = Value("AccessKeyId"), ["secretKey"] = Value("SecretAccessKey") };
    }

    private static async Task RemoveUserAsync(string user)
    {
        XElement keys = await IamAsync("ListAccessKeys", new JsonObject { ["UserName"] = user });
        foreach (string id in keys.Descendants().Where(e => e.Name.LocalName == "AccessKeyId").Select(e => e.Value))
        {
            await IamAsync("DeleteAccessKey", new JsonObject { ["UserName"] = user, ["AccessKeyId"] = id });
        }

        XElement policies = await IamAsync("ListUserPolicies", new JsonObject { ["UserName"] = user });
        foreach (string name in policies.Descendants().Where(e => e.Name.LocalName == "member").Select(e => e.Value))
        {
            await IamAsync("DeleteUserPolicy", new JsonObject { ["UserName"] = user, ["PolicyName"] = name });
        }

        await IamAsync("DeleteUser", new JsonObject { ["UserName"] = user });
    }

    private static string Text(JsonObject r, string name) =>
        Optional(r, name) ?? throw new ArgumentException($"'{name}' is required for op '{r["op"]}'");

    private static string? Optional(JsonObject r, string name) =>
        r[name] is JsonNode node && node.ToString() is string text && text.Length > 0 ? text : null;

    private static bool Flag(JsonObject r, string name) =>
        Optional(r, name) is string text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");
}
