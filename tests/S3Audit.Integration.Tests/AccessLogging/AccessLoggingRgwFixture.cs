using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.AccessLogging;

/// <summary>Runs the engine the way the cmdlets do: plan, then apply (unless -WhatIf).</summary>
internal static class LoggingRun
{
    public static async Task<(S3AccessLoggingResult? Result, CollectingOutput Output)> EnableAsync(EnableLoggingRequest request)
    {
        using S3Session session = RgwServer.OpenSession();
        var output = new CollectingOutput();
        var enabler = new AccessLoggingEnabler(session);
        EnableLoggingPlan? plan = await enabler.PlanAsync(request, output, CancellationToken.None);
        S3AccessLoggingResult? result = plan == null ? null : await enabler.ApplyAsync(plan, output, CancellationToken.None);
        return (result, output);
    }

    public static async Task<(EnableLoggingPlan? Plan, CollectingOutput Output)> PlanEnableAsync(EnableLoggingRequest request)
    {
        using S3Session session = RgwServer.OpenSession();
        var output = new CollectingOutput();
        return (await new AccessLoggingEnabler(session).PlanAsync(request, output, CancellationToken.None), output);
    }

    public static async Task<(S3AccessLoggingResult? Result, CollectingOutput Output)> DisableAsync(DisableLoggingRequest request)
    {
        using S3Session session = RgwServer.OpenSession();
        var output = new CollectingOutput();
        var disabler = new AccessLoggingDisabler(session);
        DisableLoggingPlan? plan = await disabler.PlanAsync(request, output, CancellationToken.None);
        S3AccessLoggingResult? result = plan == null ? null : await disabler.ApplyAsync(plan, output, CancellationToken.None);
        return (result, output);
    }

    public static async Task<string?> PolicyAsync(AmazonS3Client s3, string bucket)
    {
        GetBucketPolicyResponse response = await s3.GetBucketPolicyAsync(bucket);
        return response.HttpStatusCode == System.Net.HttpStatusCode.OK ? response.Policy : null;
    }

    /// <summary>A statement that has nothing to do with logging, written compactly with an unusual member order.</summary>
    public static string UnrelatedStatement(string bucket) =>
        "{\"Effect\":\"Allow\",\"Sid\":\"KeepMeReadOnly\",\"Principal\":{\"AWS\":[\"arn:aws:iam:::user/test\"]},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]}";
}
