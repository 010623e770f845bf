using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.AccessLogging;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.AccessLogging;

/// <summary>Targets S3 cannot deliver to are refused with an error naming the rule, and nothing is written.</summary>
[Collection(OpsLogCollection.Name)]
public class AccessLoggingRefusalRgwTests
{
    private static async Task AssertRefusedAsync(EnableLoggingRequest request, string errorId, string target, string ruleText)
    {
        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        var (result, output) = await LoggingRun.EnableAsync(request);
        IReadOnlyList<OpsLogEntry> writes = await mark.WritesSinceAsync(request.BucketName, request.TargetBucketName);

        Assert.Null(result);
        AuditErrorAssert.Single(output, errorId, target);
        Assert.Contains(ruleText, output.Errors.Single().Message);
        Assert.Empty(writes);
    }

    [Fact]
    public async Task AnObjectLockedTargetWithDefaultRetentionIsRefused()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string target = RgwServer.UniqueBucket("lockt"), source = RgwServer.UniqueBucket("locks");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = target, ObjectLockEnabledForBucket = true });
        await s3.PutBucketAsync(source);
        await s3.PutObjectLockConfigurationAsync(new PutObjectLockConfigurationRequest
        {
            BucketName = target,
            ObjectLockConfiguration = new ObjectLockConfiguration
            {
                ObjectLockEnabled = ObjectLockEnabled.Enabled,
                Rule = new ObjectLockRule { DefaultRetention = new DefaultRetention { Mode = ObjectLockRetentionMode.Governance, Days = 1 } },
            },
        });

        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target }, "AccessLoggingTargetObjectLock", target, "no object-lock default retention");
    }

    [Fact]
    public async Task AKmsEncryptedTargetIsRefused()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string target = RgwServer.UniqueBucket("kmst"), source = RgwServer.UniqueBucket("kmss");
        await s3.PutBucketAsync(target);
        await s3.PutBucketAsync(source);
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = target,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = new List<ServerSideEncryptionRule>
                {
                    new() { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "testkey-1" } },
                },
            },
        });

        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target }, "AccessLoggingTargetKmsEncrypted", target, "SSE-S3 or no default encryption");
    }

    [Fact]
    public async Task TheSourceAsItsOwnTargetIsRefusedUnlessForced()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("loop");
        await s3.PutBucketAsync(bucket);

        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = bucket, TargetBucketName = bucket }, "AccessLoggingTargetIsSource", bucket, "log loop");

        // -Force lifts S3Audit's rule; RGW itself then refuses a bucket as its own target.
        var (forced, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = bucket, TargetBucketName = bucket, TargetPrefix = "self/", Force = true });
        Assert.Null(forced);
        Assert.DoesNotContain(output.Errors, e => e.ErrorId == "AccessLoggingTargetIsSource");
        AuditErrorAssert.Single(output, "BucketFailed", bucket);
        Assert.Contains("PutBucketLogging", output.Errors.Single().Message);
    }

    [Fact]
    public async Task AMissingTargetIsRefused()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("nosrc"), target = RgwServer.UniqueBucket("notarget");
        await s3.PutBucketAsync(source);

        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target }, "AccessLoggingTargetNotFound", target, "target exists");
    }

    [Fact]
    public async Task ATargetOfAnotherOwnerIsRefused()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        using AmazonS3Client root = RgwServer.RawClient(accountRoot: true);
        string source = RgwServer.UniqueBucket("ownsrc"), target = RgwServer.UniqueBucket("owntarget");
        await s3.PutBucketAsync(source);
        await root.PutBucketAsync(target);
        await root.PutBucketAclAsync(new PutBucketAclRequest { BucketName = target, GrantReadACP = "id=\"test\"", GrantFullControl = $"id=\"{RgwServer.AccountId}\"" });

        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target }, "AccessLoggingAccountMismatch", source, "same account");
    }

    [Fact]
    public async Task ADifferentExistingTargetNeedsForce()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("swsrc"), first = RgwServer.UniqueBucket("swfirst"), second = RgwServer.UniqueBucket("swsecond");
        foreach (string b in new[] { source, first, second })
        {
            await s3.PutBucketAsync(b);
        }

        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = first });
        await AssertRefusedAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = second }, "AccessLoggingTargetConflict", source, "-Force");

        var (forced, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = second, Force = true });
        Assert.Empty(output.Errors);
        Assert.Equal((S3AccessLoggingAction.Updated, $"{first}/{source}/ (SimplePrefix)"), (forced!.Action, forced.PreviousTarget));
        Assert.Equal(second, (await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = source })).BucketLoggingConfig.TargetBucketName);
    }

    [Fact]
    public async Task TheAclGrantIsRefusedByRgwAndNothingElseIsWritten()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("aclsrc"), target = RgwServer.UniqueBucket("acltarget");
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(target);
        await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = target, GrantFullControl = "id=\"test\"", GrantRead = $"id=\"{RgwServer.AccountId}\"" });

        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        var (result, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target, UseAclGrant = true });
        IReadOnlyList<OpsLogEntry> writes = await mark.WritesSinceAsync(source, target);

        // RGW knows only the AllUsers and AuthenticatedUsers groups: the LogDelivery grant gets 400 InvalidArgument.
        Assert.Null(result);
        AuditErrorAssert.Single(output, "BucketFailed", target);
        Assert.Contains("PutBucketAcl", output.Errors.Single().Message);
        Assert.Equal(new[] { "put_acls" }, writes.Select(w => w.Operation).Distinct());
        List<S3Grant> grants = (await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = target })).Grants;
        Assert.Contains(grants, g => g.Grantee.CanonicalUser == RgwServer.AccountId && g.Permission == S3Permission.READ);
        Assert.Null((await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = source })).BucketLoggingConfig?.TargetBucketName);
    }
}

/// <summary>Preflight outcomes that are not refusals, and Requester Pays.</summary>
[Collection(OpsLogCollection.Name)]
public class AccessLoggingPreflightRgwTests
{
    [Fact]
    public async Task ATargetThatItselfLogsGivesAWarning()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("warnsrc"), target = RgwServer.UniqueBucket("warntarget"), meta = RgwServer.UniqueBucket("warnmeta");
        foreach (string b in new[] { source, target, meta })
        {
            await s3.PutBucketAsync(b);
        }

        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = target, TargetBucketName = meta });
        var (result, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target });

        string warning = Assert.Single(output.Warnings);
        Assert.Contains($"Target bucket '{target}' itself logs to {meta}/{target}/", warning);
        // AWS only advises against it; RGW refuses PutBucketLogging into a bucket that logs. The error says what stayed.
        Assert.Null(result);
        AuditErrorAssert.Single(output, "BucketFailed", source);
        Assert.Contains($"The permission on '{target}' was already written and stays", output.Errors.Single().Message);
        Assert.True(LoggingPolicyMerger.Grants(await LoggingRun.PolicyAsync(s3, target), target, source + "/", source, "test"));
    }

    [Fact]
    public async Task ARequesterPaysTargetIsRefused()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("paysrc"), target = RgwServer.UniqueBucket("paytarget");
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(target);
        await s3.PutBucketRequestPaymentAsync(new PutBucketRequestPaymentRequest { BucketName = target, RequestPaymentConfiguration = new RequestPaymentConfiguration { Payer = "Requester" } });

        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        var (result, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target });

        Assert.Null(result);
        AuditErrorAssert.Single(output, "AccessLoggingTargetRequesterPays", target);
        Assert.Empty(await mark.WritesSinceAsync(source, target));
    }
}
