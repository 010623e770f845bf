using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.AccessLogging;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.AccessLogging;

/// <summary>Enable-S3AccessLogging and Disable-S3AccessLogging's engine against Ceph RGW 20, checked through RGW's ops log.</summary>
[Collection(OpsLogCollection.Name)]
public class AccessLoggingRgwTests
{
    private static async Task<(string Target, string Source1, string Source2, string Unrelated)> ArrangeAsync(AmazonS3Client s3, string name)
    {
        string target = RgwServer.UniqueBucket(name + "-t"), source1 = RgwServer.UniqueBucket(name + "-a"), source2 = RgwServer.UniqueBucket(name + "-b");
        foreach (string bucket in new[] { target, source1, source2 })
        {
            await s3.PutBucketAsync(bucket);
        }

        string unrelated = LoggingRun.UnrelatedStatement(target);
        await s3.PutBucketPolicyAsync(target, "{\"Version\":\"2012-10-17\",\"Statement\":[" + unrelated + "]}");
        return (target, source1, source2, unrelated);
    }

    /// <summary>No statement is ever lost: merging two sources, re-running, and removing both keep the unrelated statement byte for byte.</summary>
    [Fact]
    public async Task TwoSourcesAreMergedIntoOneStatementAndNoOtherStatementIsEverLost()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        (string target, string source1, string source2, string unrelated) = await ArrangeAsync(s3, "merge");

        var (first, out1) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target });
        var (second, out2) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source2, TargetBucketName = target });

        Assert.Empty(out1.Errors.Concat(out2.Errors));
        Assert.Equal(S3AccessLoggingAction.Enabled, first!.Action);
        Assert.Equal(S3AccessLoggingAction.Enabled, second!.Action);
        Assert.Equal((source1 + "/", "SimplePrefix", S3AccessLoggingPermission.BucketPolicy, "S3AuditLogDelivery"),
            (first.TargetPrefix, first.KeyFormat, first.PermissionMethod, first.PolicyStatementId));

        string? policy = await LoggingRun.PolicyAsync(s3, target);
        Assert.Equal(new[] { unrelated }, LoggingPolicyMerger.OtherStatements(policy));
        Assert.Equal(new[] { "arn:aws:s3:::" + source1, "arn:aws:s3:::" + source2 }, LoggingPolicyMerger.SourceArns(policy));
        Assert.True(LoggingPolicyMerger.Grants(policy, target, source1 + "/", source1, "test"));
        Assert.True(LoggingPolicyMerger.Grants(policy, target, source2 + "/", source2, "test"));
        Assert.Equal(target, (await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = source2 })).BucketLoggingConfig.TargetBucketName);

        // Removing one source keeps the other and the unrelated statement; removing the last drops only our statement.
        var (removed1, rm1) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1, RemovePermission = true });
        Assert.Empty(rm1.Errors);
        Assert.Equal(S3AccessLoggingAction.Disabled, removed1!.Action);
        policy = await LoggingRun.PolicyAsync(s3, target);
        Assert.Equal(new[] { unrelated }, LoggingPolicyMerger.OtherStatements(policy));
        Assert.Equal(new[] { "arn:aws:s3:::" + source2 }, LoggingPolicyMerger.SourceArns(policy));
        Assert.False(LoggingPolicyMerger.Grants(policy, target, source1 + "/", source1, "test"));
        Assert.Null((await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = source1 })).BucketLoggingConfig?.TargetBucketName);

        var (removed2, rm2) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source2, RemovePermission = true });
        Assert.Empty(rm2.Errors);
        Assert.True(removed2!.PermissionChanged);
        policy = await LoggingRun.PolicyAsync(s3, target);
        Assert.Equal(new[] { unrelated }, LoggingPolicyMerger.OtherStatements(policy));
        Assert.Empty(LoggingPolicyMerger.SourceArns(policy));
    }

    [Fact]
    public async Task RemovingOneOfTwoSourcesOnASharedPrefixKeepsThePrefixForTheOther()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        (string target, string source1, string source2, string unrelated) = await ArrangeAsync(s3, "shared");
        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target, TargetPrefix = "shared/" });
        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source2, TargetBucketName = target, TargetPrefix = "shared/" });

        var (result, output) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1, RemovePermission = true });

        Assert.Empty(output.Errors);
        Assert.Equal((S3AccessLoggingAction.Disabled, "shared/"), (result!.Action, result.TargetPrefix));
        string? policy = await LoggingRun.PolicyAsync(s3, target);
        Assert.True(LoggingPolicyMerger.Grants(policy, target, "shared/", source2, "test"));
        Assert.Equal(new[] { "arn:aws:s3:::" + source2 }, LoggingPolicyMerger.SourceArns(policy));
        Assert.Equal(new[] { unrelated }, LoggingPolicyMerger.OtherStatements(policy));
    }

    [Fact]
    public async Task ThePermissionCanBeRemovedAfterLoggingWasTurnedOff()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        (string target, string source1, _, string unrelated) = await ArrangeAsync(s3, "later");
        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target });
        var (off, _) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1 });
        Assert.Equal((S3AccessLoggingAction.Disabled, false, S3AccessLoggingPermission.None), (off!.Action, off.PermissionChanged, off.PermissionMethod));

        var (unknown, unknownOutput) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1, RemovePermission = true });
        Assert.Null(unknown);
        AuditErrorAssert.Single(unknownOutput, "AccessLoggingTargetUnknown", source1);

        var (removed, output) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1, RemovePermission = true, TargetBucketName = target });
        Assert.Empty(output.Errors);
        Assert.Equal((S3AccessLoggingAction.Disabled, true, false), (removed!.Action, removed.PermissionChanged, removed.LoggingChanged));
        Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[" + unrelated + "]}", await LoggingRun.PolicyAsync(s3, target));

        var (nothing, _) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source1, RemovePermission = true, TargetBucketName = target });
        Assert.Equal(S3AccessLoggingAction.AlreadyDisabled, nothing!.Action);
    }

    [Fact]
    public async Task ASecondIdenticalRunIsAlreadyEnabledAndWritesNothing()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        (string target, string source1, string source2, _) = await ArrangeAsync(s3, "again");
        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target, PartitionedPrefix = true, PartitionDateSource = "DeliveryTime" });
        await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source2, TargetBucketName = target, TargetPrefix = "shared/" });
        string? before = await LoggingRun.PolicyAsync(s3, target);

        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        var (again1, out1) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target, PartitionedPrefix = true, PartitionDateSource = "DeliveryTime" });
        var (again2, out2) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source2, TargetBucketName = target, TargetPrefix = "shared/" });
        IReadOnlyList<OpsLogEntry> all = (await mark.SinceAsync()).Where(e => e.Bucket == target || e.Bucket == source1 || e.Bucket == source2).ToList();

        Assert.Empty(out1.Errors.Concat(out2.Errors));
        Assert.Equal(S3AccessLoggingAction.AlreadyEnabled, again1!.Action);
        Assert.Equal("PartitionedPrefix(DeliveryTime)", again1.KeyFormat);
        Assert.Equal(S3AccessLoggingAction.AlreadyEnabled, again2!.Action);
        Assert.False(again1.PermissionChanged || again1.LoggingChanged || again2.PermissionChanged || again2.LoggingChanged);
        Assert.Contains(all, e => e.Bucket == target && e.Operation.Contains("policy"));
        Assert.DoesNotContain(all, e => e.IsWrite);
        Assert.Equal(before, await LoggingRun.PolicyAsync(s3, target));
    }

    /// <summary>-WhatIf writes nothing: the plan (all -WhatIf runs) makes no PUT, POST or DELETE, yet shows the diff and the logging configuration.</summary>
    [Fact]
    public async Task WhatIfMakesNoWriteRequestAndShowsTheDiffAndTheConfiguration()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        (string target, string source1, _, string unrelated) = await ArrangeAsync(s3, "whatif");

        RgwOpsLog mark = await RgwOpsLog.MarkAsync();
        var (plan, output) = await LoggingRun.PlanEnableAsync(new EnableLoggingRequest { BucketName = source1, TargetBucketName = target, TargetPrefix = "logs/" });
        S3AccessLoggingResult whatIf = plan!.Result(S3AccessLoggingAction.WhatIf);
        IReadOnlyList<OpsLogEntry> all = (await mark.SinceAsync()).Where(e => e.Bucket == target || e.Bucket == source1).ToList();

        Assert.Empty(output.Errors);
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, e => e.IsWrite);
        Assert.True(plan.PolicyChanges && plan.LoggingChanges);
        Assert.False(whatIf.PermissionChanged || whatIf.LoggingChanged);
        string preview = plan.Preview();
        Assert.Contains($"PutBucketLogging on '{source1}': TargetBucket={target} TargetPrefix=logs/ KeyFormat=SimplePrefix (now: logging off)", preview);
        Assert.Contains(preview.Split('\n'), l => l.StartsWith("+ ") && l.Contains("\"Sid\": \"S3AuditLogDelivery\""));
        Assert.Contains(preview.Split('\n'), l => l.StartsWith("  ") && l.Contains("\"Sid\": \"KeepMeReadOnly\""));
        Assert.Contains("1 other statement(s) kept", preview);
        Assert.Equal(new[] { unrelated }, LoggingPolicyMerger.OtherStatements(await LoggingRun.PolicyAsync(s3, target)));
        Assert.Null((await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = source1 })).BucketLoggingConfig?.TargetBucketName);
    }

    [Fact]
    public async Task LogsAreDeliveredUnderThePrefixInAwsAccessLogFormat()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string target = RgwServer.UniqueBucket("deliver-t"), source = RgwServer.UniqueBucket("deliver-s");
        await s3.PutBucketAsync(target);
        await s3.PutBucketAsync(source);
        var (result, output) = await LoggingRun.EnableAsync(new EnableLoggingRequest { BucketName = source, TargetBucketName = target, TargetPrefix = "access/" });
        Assert.Empty(output.Errors);
        Assert.Equal(S3AccessLoggingAction.Enabled, result!.Action);

        for (int i = 0; i < 3; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = source, Key = $"file-{i}.txt", ContentBody = "data" });
            using GetObjectResponse get = await s3.GetObjectAsync(source, $"file-{i}.txt");
        }

        // Turning logging off flushes RGW's pending log object.
        var (disabled, disableOutput) = await LoggingRun.DisableAsync(new DisableLoggingRequest { BucketName = source });
        Assert.Empty(disableOutput.Errors);
        Assert.Equal(S3AccessLoggingAction.Disabled, disabled!.Action);

        List<S3Object> logs = await RgwServer.WaitForObjectsAsync(s3, target, "access/", TimeSpan.FromSeconds(60));
        Assert.All(logs, o => Assert.Matches(@"^access/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\S+$", o.Key));
        var lines = new List<string>();
        foreach (S3Object log in logs)
        {
            using GetObjectResponse response = await s3.GetObjectAsync(target, log.Key);
            using var reader = new StreamReader(response.ResponseStream);
            lines.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        // Bucket owner, bucket, [time], remote IP, requester, request id, operation, key, "request-uri", status ...
        var format = new Regex(@"^(\S+) (\S+) \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] (\S+) (\S+) (\S+) (\S+) (\S+) ""([^""]*)"" (\d{3}) ");
        Assert.All(lines, l => Assert.Matches(format, l));
        var parsed = lines.Select(l => format.Match(l)).ToList();
        Assert.All(parsed, m => Assert.Equal(source, m.Groups[2].Value));
        Assert.Contains(parsed, m => m.Groups[7].Value == "REST.PUT.OBJECT" && m.Groups[8].Value == "file-0.txt" && m.Groups[10].Value == "200");
        Assert.Contains(parsed, m => m.Groups[7].Value == "REST.GET.OBJECT" && m.Groups[9].Value.StartsWith($"GET /{source}/file-2.txt"));
    }
}
