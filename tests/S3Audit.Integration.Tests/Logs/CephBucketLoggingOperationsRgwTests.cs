using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>
/// Issue 13, item 13: every operation name Ceph RGW bucket logging really writes maps to an S3 API name. RGW 20
/// logs the requests of about sixty S3 operations on a source bucket (REST.GET.LOGGING, REST.GET.OBJECT_LOCK,
/// REST.HEAD.stat_bucket, REST.POST.DELETE_MULTI_OBJECT, REST.DELETE.delete_bucket_tags ...), delivers them to a log
/// bucket, and the engine reads them back: each request is found under its API name, none is left raw, and
/// -Operation finds them. Set S3AUDIT_SAVE_RGW_LOG to a folder to keep the delivered log objects (the fixture
/// tests/S3Audit.Engine.Tests/Logs/Fixtures/rgw-bucket-logging/2026-12-03-13-06-32-* was made so).
/// </summary>
public class CephBucketLoggingOperationsRgwTests
{
    [Fact]
    public async Task EveryOperationRgwLogsMapsToItsApiName()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string src = RgwServer.UniqueBucket("opsrc");
        string target = RgwServer.UniqueBucket("opdst");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = src, ObjectLockEnabledForBucket = true });
        await s3.PutBucketAsync(target);
        await RgwAccessLogs.EnableAsync(s3, src, target);
        string logs = src + "/";

        // The API names the log must show, each for at least one entry.
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        // mayFail: RGW answers some with an error (no policy, no replication, no retention, not archived): logged all the same.
        async Task Do(string apiName, Func<Task> request, bool mayFail = false)
        {
            expected.Add(apiName);
            try
            {
                await request();
            }
            catch (AmazonS3Exception) when (mayFail)
            {
            }
        }

        const string Key = "dir/a b.txt";
        await Do("PutObject", () => s3.PutObjectAsync(new PutObjectRequest { BucketName = src, Key = Key, ContentBody = "hello,world\n" }));
        await Do("GetObject", async () => { using GetObjectResponse r = await s3.GetObjectAsync(src, Key); });
        await Do("HeadObject", () => s3.GetObjectMetadataAsync(src, Key));
        await Do("HeadBucket", () => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = src }));
        await Do("ListObjects", () => s3.ListObjectsAsync(new ListObjectsRequest { BucketName = src }));
        await Do("ListObjectsV2", () => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = src }));
        await Do("ListObjectVersions", () => s3.ListVersionsAsync(new ListVersionsRequest { BucketName = src }));
        await Do("GetBucketLocation", () => s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = src }));
        await Do("GetBucketLogging", () => s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = src }));
        await Do("GetBucketVersioning", () => s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = src }));
        await Do("PutBucketVersioning", () => s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = src, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } }));
        await Do("GetBucketAcl", () => s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = src }));
        await Do("PutBucketAcl", () => s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = src, ACL = S3CannedACL.Private }));
        await Do("GetObjectAcl", () => s3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = src, Key = Key }));
        await Do("PutObjectAcl", () => s3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = src, Key = Key, ACL = S3CannedACL.Private }));
        await Do("GetBucketPolicy", () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = src }), mayFail: true);
        await Do("PutBucketPolicy", () => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = src,
            Policy = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::{src}\"}}]}}",
        }));
        await Do("GetBucketPolicyStatus", () => s3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = src }));
        await Do("DeleteBucketPolicy", () => s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = src }));
        await Do("PutBucketTagging", () => s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = src, TagSet = new List<Tag> { new Tag { Key = "k", Value = "v" } } }));
        await Do("GetBucketTagging", () => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = src }));
        await Do("DeleteBucketTagging", () => s3.DeleteBucketTaggingAsync(new DeleteBucketTaggingRequest { BucketName = src }));
        await Do("PutObjectTagging", () => s3.PutObjectTaggingAsync(new PutObjectTaggingRequest { BucketName = src, Key = Key, Tagging = new Tagging { TagSet = new List<Tag> { new Tag { Key = "k", Value = "v" } } } }));
        await Do("GetObjectTagging", () => s3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = src, Key = Key }));
        await Do("DeleteObjectTagging", () => s3.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { BucketName = src, Key = Key }));
        await Do("PutBucketCors", () => s3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
        {
            BucketName = src,
            Configuration = new CORSConfiguration { Rules = new List<CORSRule> { new CORSRule { AllowedMethods = new List<string> { "GET" }, AllowedOrigins = new List<string> { "*" } } } },
        }));
        await Do("GetBucketCors", () => s3.GetCORSConfigurationAsync(new GetCORSConfigurationRequest { BucketName = src }));
        await Do("OptionsObject", () => Anonymous(HttpMethod.Options, src, Key, HttpStatusCode.OK, ("Origin", "http://example.com"), ("Access-Control-Request-Method", "GET")));
        await Do("DeleteBucketCors", () => s3.DeleteCORSConfigurationAsync(new DeleteCORSConfigurationRequest { BucketName = src }));
        await Do("PutBucketLifecycleConfiguration", () => s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = src,
            Configuration = new LifecycleConfiguration
            {
                Rules = new List<LifecycleRule>
                {
                    new LifecycleRule { Id = "r", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = "x/" } }, Expiration = new LifecycleRuleExpiration { Days = 30 } },
                },
            },
        }));
        await Do("GetBucketLifecycleConfiguration", () => s3.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = src }));
        await Do("DeleteBucketLifecycle", () => s3.DeleteLifecycleConfigurationAsync(new DeleteLifecycleConfigurationRequest { BucketName = src }));
        await Do("PutBucketEncryption", () => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = src,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = new List<ServerSideEncryptionRule> { new ServerSideEncryptionRule { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 } } },
            },
        }));
        await Do("GetBucketEncryption", () => s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = src }));
        await Do("DeleteBucketEncryption", () => s3.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { BucketName = src }));
        var block = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true };
        await Do("PutPublicAccessBlock", () => s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest { BucketName = src, PublicAccessBlockConfiguration = block }));
        await Do("GetPublicAccessBlock", () => s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = src }));
        await Do("DeletePublicAccessBlock", () => s3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = src }));
        await Do("GetObjectLockConfiguration", () => s3.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationRequest { BucketName = src }));
        await Do("PutObjectLockConfiguration", () => s3.PutObjectLockConfigurationAsync(new PutObjectLockConfigurationRequest
        {
            BucketName = src,
            ObjectLockConfiguration = new ObjectLockConfiguration { ObjectLockEnabled = ObjectLockEnabled.Enabled },
        }));
        await Do("PutObjectLegalHold", () => s3.PutObjectLegalHoldAsync(new PutObjectLegalHoldRequest { BucketName = src, Key = Key, LegalHold = new ObjectLockLegalHold { Status = ObjectLockLegalHoldStatus.Off } }));
        await Do("GetObjectLegalHold", () => s3.GetObjectLegalHoldAsync(new GetObjectLegalHoldRequest { BucketName = src, Key = Key }));
        await Do("GetObjectRetention", () => s3.GetObjectRetentionAsync(new GetObjectRetentionRequest { BucketName = src, Key = Key }), mayFail: true);
        await Do("PutBucketWebsite", () => s3.PutBucketWebsiteAsync(new PutBucketWebsiteRequest { BucketName = src, WebsiteConfiguration = new WebsiteConfiguration { IndexDocumentSuffix = "index.html" } }));
        await Do("GetBucketWebsite", () => s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = src }));
        await Do("DeleteBucketWebsite", () => s3.DeleteBucketWebsiteAsync(new DeleteBucketWebsiteRequest { BucketName = src }));
        await Do("GetBucketNotificationConfiguration", () => s3.GetBucketNotificationAsync(new GetBucketNotificationRequest { BucketName = src }));
        await Do("PutBucketNotificationConfiguration", () => s3.PutBucketNotificationAsync(new PutBucketNotificationRequest { BucketName = src }));
        await Do("GetBucketReplication", () => s3.GetBucketReplicationAsync(new GetBucketReplicationRequest { BucketName = src }), mayFail: true);
        await Do("DeleteBucketReplication", () => s3.DeleteBucketReplicationAsync(new DeleteBucketReplicationRequest { BucketName = src }));
        await Do("GetBucketRequestPayment", () => s3.GetBucketRequestPaymentAsync(new GetBucketRequestPaymentRequest { BucketName = src }));
        await Do("PutBucketRequestPayment", () => s3.PutBucketRequestPaymentAsync(new PutBucketRequestPaymentRequest { BucketName = src, RequestPaymentConfiguration = new RequestPaymentConfiguration { Payer = "BucketOwner" } }));
        await Do("GetObjectAttributes", () => s3.GetObjectAttributesAsync(new GetObjectAttributesRequest { BucketName = src, Key = Key, ObjectAttributes = new List<ObjectAttributes> { ObjectAttributes.ETag, ObjectAttributes.ObjectSize } }));
        await Do("GetObjectTorrent", () => s3.GetObjectTorrentAsync(new GetObjectTorrentRequest { BucketName = src, Key = Key }), mayFail: true);
        await Do("SelectObjectContent", async () =>
        {
            SelectObjectContentResponse r = await s3.SelectObjectContentAsync(new SelectObjectContentRequest
            {
                BucketName = src,
                Key = Key,
                Expression = "select * from s3object",
                ExpressionType = ExpressionType.SQL,
                InputSerialization = new InputSerialization { CSV = new CSVInput() },
                OutputSerialization = new OutputSerialization { CSV = new CSVOutput() },
            });
            using (r.Payload)
            {
                foreach (var _ in r.Payload)
                {
                }
            }
        });
        await Do("CopyObject", () => s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = src, SourceKey = Key, DestinationBucket = src, DestinationKey = "copy.txt" }));
        string upload = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = src, Key = "mp.bin" })).UploadId;
        expected.Add("CreateMultipartUpload");
        await Do("ListMultipartUploads", () => s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = src }));
        string etag = (await s3.UploadPartAsync(new UploadPartRequest { BucketName = src, Key = "mp.bin", UploadId = upload, PartNumber = 1, InputStream = new MemoryStream(Encoding.ASCII.GetBytes("part one")) })).ETag;
        expected.Add("UploadPart");
        await Do("ListParts", () => s3.ListPartsAsync(new ListPartsRequest { BucketName = src, Key = "mp.bin", UploadId = upload }));
        await Do("CompleteMultipartUpload", () => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = src,
            Key = "mp.bin",
            UploadId = upload,
            PartETags = new List<PartETag> { new PartETag(1, etag) },
        }));
        string aborted = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = src, Key = "mp2.bin" })).UploadId;
        await Do("AbortMultipartUpload", () => s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = src, Key = "mp2.bin", UploadId = aborted }));
        await Do("DeleteObjects", () => s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = src, Objects = new List<KeyVersion> { new KeyVersion { Key = "copy.txt" }, new KeyVersion { Key = "none.txt" } } }));
        await Do("DeleteObject", () => s3.DeleteObjectAsync(src, "mp.bin"));
        await Do("RestoreObject", () => s3.RestoreObjectAsync(new RestoreObjectRequest { BucketName = src, Key = Key, Days = 1 }), mayFail: true);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(src, "missing.txt"));
        await Anonymous(HttpMethod.Get, src, Key, HttpStatusCode.Forbidden);
        await Do("GetBucketLogging", () => s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = src }));

        // Turning logging off delivers the pending log object. Objects that rolled over earlier (the test server rolls
        // every 5 s) are committed asynchronously: read until the last request logged above is there.
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = src, LoggingConfig = new S3BucketLoggingConfig() });
        await RgwServer.WaitForObjectsAsync(s3, target, logs, TimeSpan.FromSeconds(30));
        using S3Session session = RgwServer.OpenSession();
        CollectingOutput output;
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            output = await LogBucketFixture.ReadAsync(session, new LogReadRequest { BucketName = target, Prefix = logs });
            var read = output.OfType<S3AuditLogEntry>();
            bool complete = read.Count(e => e.RawOperation == "REST.GET.LOGGING") == 2 && read.Any(e => e.RawOperation == "REST.PUT.OBJECT" && e.Key == Key);
            if (complete || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        await SaveAsync(s3, target, logs);
        Assert.Empty(output.Errors);
        Assert.True(output.Warnings.Count == 0, string.Join("\n", output.Warnings));
        IReadOnlyList<S3AuditLogEntry> entries = output.OfType<S3AuditLogEntry>();
        Assert.All(entries, e => Assert.Equal(S3AuditLogFormat.AwsAccessLog, e.Source));

        // No raw RGW name is left, and every operation done is there under its API name.
        string[] unmapped = entries.Where(e => !IsApiName(e.Operation)).Select(e => $"{e.RawOperation} -> {e.Operation}").Distinct().ToArray();
        Assert.True(unmapped.Length == 0, "Left raw: " + string.Join(", ", unmapped));
        string[] missing = expected.Where(name => !entries.Any(e => e.Operation == name)).ToArray();
        Assert.True(missing.Length == 0, "Not found: " + string.Join(", ", missing) + "\nLogged: " + string.Join(", ", entries.Select(e => $"{e.RawOperation}={e.Operation}").Distinct()));

        // The names the issue saw raw.
        Assert.Contains(entries, e => e.RawOperation == "REST.GET.LOGGING" && e.Operation == "GetBucketLogging");
        Assert.Contains(entries, e => e.RawOperation == "REST.GET.OBJECT_LOCK" && e.Operation == "GetObjectLockConfiguration");
        Assert.Contains(entries, e => e.RawOperation == "REST.HEAD.stat_bucket" && e.Operation == "HeadBucket");

        // RGW writes "NoContent" as the error code of a 204: a success, not an error.
        S3AuditLogEntry deleted = Assert.Single(entries, e => e.Operation == "DeleteObject" && e.Key == "mp.bin");
        Assert.Equal((204, ""), (deleted.HttpStatus, deleted.ErrorCode));

        // -Operation GetBucketLogging finds both requests and nothing else.
        CollectingOutput logging = await LogBucketFixture.ReadAsync(session, new LogReadRequest
        {
            BucketName = target,
            Prefix = logs,
            Options = new LogReadOptions { Filter = new LogFilter { Operation = { "GetBucketLogging" } } },
        });
        Assert.Equal(new[] { "REST.GET.LOGGING", "REST.GET.LOGGING" }, logging.OfType<S3AuditLogEntry>().Select(e => e.RawOperation));
    }

    private static bool IsApiName(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) && name.All(char.IsLetterOrDigit);

    private static async Task Anonymous(HttpMethod method, string bucket, string key, HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, $"{RgwServer.Endpoint}/{bucket}/{Uri.EscapeDataString(key).Replace("%2F", "/")}");
        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
    }

    /// <summary>With S3AUDIT_SAVE_RGW_LOG set to a folder, the delivered log objects are saved there under their key names.</summary>
    private static async Task SaveAsync(AmazonS3Client s3, string bucket, string logs)
    {
        string? folder = Environment.GetEnvironmentVariable("S3AUDIT_SAVE_RGW_LOG");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (S3Object o in (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = logs })).S3Objects ?? new List<S3Object>())
        {
            using GetObjectResponse r = await s3.GetObjectAsync(bucket, o.Key);
            await using FileStream file = File.Create(Path.Combine(folder, Path.GetFileName(o.Key)));
            await r.ResponseStream.CopyToAsync(file);
        }
    }
}
