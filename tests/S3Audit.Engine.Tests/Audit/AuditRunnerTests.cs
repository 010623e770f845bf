using S3Audit.Engine.Audit.Checks;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Audit;

/// <summary>The run loop over recorded S3 responses: findings, unavailable checks, failing targets, drift and reports.</summary>
public sealed class AuditRunnerTests : IDisposable
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    private const string Xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-run-").FullName;
    private readonly Dictionary<string, string> _env = new() { ["T_AK"] = "AKIDTEST", ["T_SK"] = "secret" };
    private DateTimeOffset _now = new(2026, 11, 14, 2, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordedResponse Buckets(params string[] names) => new(200,
        $"<ListAllMyBucketsResult xmlns=\"{Ns}\"><Owner><ID>test</ID></Owner><Buckets>" +
        string.Concat(names.Select(n => $"<Bucket><Name>{n}</Name><CreationDate>2026-11-01T00:00:00.000Z</CreationDate></Bucket>")) +
        "</Buckets></ListAllMyBucketsResult>");

    private static RecordedResponse Acl(params (string Group, string Permission)[] publicGrants) => new(200,
        $"<AccessControlPolicy xmlns=\"{Ns}\"><Owner><ID>test</ID></Owner><AccessControlList>" +
        $"<Grant><Grantee {Xsi} xsi:type=\"CanonicalUser\"><ID>test</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>" +
        string.Concat(publicGrants.Select(g => $"<Grant><Grantee {Xsi} xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/{g.Group}</URI></Grantee><Permission>{g.Permission}</Permission></Grant>")) +
        "</AccessControlList></AccessControlPolicy>");

    private static RecordedHttpServer Server(Func<string, RecordedResponse> aclOf, params string[] buckets)
    {
        var server = new RecordedHttpServer();
        server.On("GET", (pq, _) => pq == "/" || pq.StartsWith("/?", StringComparison.Ordinal), Buckets(buckets));
        server.On("GET", (pq, _) => pq.Contains("?acl", StringComparison.Ordinal), r => aclOf(r.PathAndQuery.Substring(0, r.PathAndQuery.IndexOf('?')).Trim('/')));
        return server;
    }

    private string Yaml(string targets, string checks = "exposure: true\n  posture: true\n  logging: true", string extra = "") =>
        $"targets:\n{targets}checks:\n  {checks}\n{extra}outputs:\n  csv: out/audit-{{date}}.csv\n  json: out/audit-{{date}}.json\n";

    private static string Target(string name, string endpoint, string variables = "    accessKeyVariable: T_AK\n    secretKeyVariable: T_SK\n", string buckets = "") =>
        $"  - name: {name}\n    provider: Ceph\n    endpoint: {endpoint}\n    region: us-east-1\n{variables}{buckets}";

    /// <summary>A build that has only the exposure check: what the run does with checks it lacks.</summary>
    private static AuditCheckRegistry ExposureOnly()
    {
        var registry = new AuditCheckRegistry();
        registry.Register(new ExposureCheck());
        return registry;
    }

    private async Task<(S3AuditRunSummary Summary, CollectingOutput Output)> RunAsync(string yaml, string? baseline = null, AuditCheckRegistry? registry = null)
    {
        AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(_dir, "audit.yml"), n => _env.GetValueOrDefault(n));
        var output = new CollectingOutput();
        S3AuditRunSummary summary = await new AuditRunner(registry, environment: n => _env.GetValueOrDefault(n), clock: () => _now).RunAsync(config, baseline, output, CancellationToken.None);
        return (summary, output);
    }

    private static RecordedResponse StandardAcls(string bucket) => bucket switch
    {
        "public-b" => Acl(("AllUsers", "READ")),
        "write-b" => Acl(("AuthenticatedUsers", "FULL_CONTROL"), ("AllUsers", "WRITE")),
        "acp-b" => Acl(("AllUsers", "READ_ACP")),
        "tmp-b" => Acl(("AllUsers", "READ")),
        _ => Acl(),
    };

    [Fact]
    public async Task PublicAclsAreFindingsAndChecksThisBuildLacksAreUnknownNeverPassed()
    {
        using RecordedHttpServer server = Server(StandardAcls, "private-b", "public-b", "write-b", "tmp-b");
        var (summary, output) = await RunAsync(Yaml(Target("rgw", server.Url, buckets: "    buckets:\n      exclude: ['tmp-*']\n")), registry: ExposureOnly());

        Assert.Empty(output.Errors);
        var findings = output.OfType<S3AuditFinding>();
        var fails = findings.Where(f => f.Result == S3AuditResult.Fail).Select(f => (f.BucketName, f.Rule, f.Severity)).OrderBy(f => f.BucketName).ToList();
        Assert.Equal(new[] { ("public-b", "PublicAcl", S3AuditSeverity.High), ("write-b", "PublicAcl", S3AuditSeverity.Critical), ("write-b", "PublicAcl", S3AuditSeverity.Critical) }, fails);
        var writeCauses = findings.Where(f => f.BucketName == "write-b").Select(f => f.Resource).ToList();
        Assert.Contains(writeCauses, r => r.Contains("AllUsers") && r.Contains("WRITE"));
        Assert.Contains(writeCauses, r => r.Contains("AuthenticatedUsers") && r.Contains("FULL_CONTROL"));
        Assert.All(findings, f => Assert.Equal(("rgw", S3Provider.Ceph, S3AuditDriftStatus.New, _now), (f.Target, f.Provider, f.Status, f.FirstSeen)));

        var unknown = findings.Where(f => f.Result == S3AuditResult.Unknown).Select(f => (f.Check, f.Rule, f.Severity)).OrderBy(f => f.Check).ToList();
        Assert.Equal(new[] { ("logging", "CheckNotAvailable", S3AuditSeverity.Info), ("posture", "CheckNotAvailable", S3AuditSeverity.Info) }, unknown);
        Assert.Contains(output.Warnings, w => w.Contains("Not available in this build: posture, logging"));
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.StartsWith("/tmp-b", StringComparison.Ordinal));

        Assert.Equal((1, 3, "rgw", "", 1, 2, 2, true, "posture, logging"),
            (summary.TargetCount, summary.BucketCount, summary.CompleteTargets, summary.IncompleteTargets, summary.HighCount, summary.CriticalCount, summary.UnknownCount, summary.ThresholdExceeded, summary.UnavailableChecks));
    }

    [Fact]
    public async Task AFailingTargetIsAnErrorAndTheOthersStillRun()
    {
        using RecordedHttpServer server = Server(b => b == "denied-b" ? new RecordedResponse(403, "<Error><Code>AccessDenied</Code><Message>no</Message></Error>") : StandardAcls(b), "public-b", "denied-b");
        string targets =
            Target("nokeys", server.Url, variables: "    accessKeyVariable: UNSET_AK\n    secretKeyVariable: UNSET_SK\n") +
            Target("down", "http://127.0.0.1:1") +
            Target("ok", server.Url, buckets: "    buckets:\n      include: public-b\n") +
            Target("partial", server.Url);

        var (summary, output) = await RunAsync(Yaml(targets, checks: "exposure: true"));

        AuditErrorAssert.Single(output, "TargetCredentialsNotFound", "nokeys");
        Assert.Contains("UNSET_AK", output.Errors.Single(e => e.ErrorId == "TargetCredentialsNotFound").Message);
        AuditErrorAssert.Single(output, "TargetEndpointUnreachable", "down");
        Assert.Contains("127.0.0.1:1 refused the connection", output.Errors.Single(e => e.ErrorId == "TargetEndpointUnreachable").Message);
        AuditErrorAssert.Single(output, "BucketAccessDenied", "denied-b");
        Assert.All(output.Errors, e => Assert.StartsWith("Target '", e.Message));
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Target == "ok" && f.Rule == "PublicAcl");
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Target == "partial" && f.BucketName == "public-b" && f.Rule == "PublicAcl");
        // An undecided exposure keeps the severity of what it may hide (Test-S3PublicExposure's for an unreadable path).
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Target == "partial" && f.BucketName == "denied-b" && f.Rule == "ExposureUnknown" && f.Result == S3AuditResult.Unknown && f.Severity == S3AuditSeverity.High);

        Assert.Equal("ok", summary.CompleteTargets);
        Assert.Equal(new[] { "nokeys", "down", "partial" }, summary.IncompleteTargets.Split("; ").Select(t => t.Split(' ')[0]));
        Assert.Contains(output.Warnings, w => w.StartsWith("3 of 4 target(s) incomplete"));
    }

    /// <summary>
    /// A target that is not audited at all leaves a TargetFailed row (Check audit, Result Unknown) in the output and in
    /// the CSV and JSON reports, and a named bucket that does not exist a BucketFailed row: a report is never clean by failing.
    /// </summary>
    [Fact]
    public async Task FailedTargetsAndBucketsLeaveUnknownRowsInTheOutputAndTheReports()
    {
        using RecordedHttpServer server = Server(b => b == "gone-b"
            ? new RecordedResponse(404, "<Error><Code>NoSuchBucket</Code><Message>gone</Message><BucketName>gone-b</BucketName></Error>")
            : StandardAcls(b), "private-b");
        server.On("GET", (pq, _) => pq.StartsWith("/gone-b", StringComparison.Ordinal), new RecordedResponse(404, "<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>"));
        string targets =
            Target("nokeys", server.Url, variables: "    accessKeyVariable: UNSET_AK\n    secretKeyVariable: UNSET_SK\n") +
            Target("down", "http://127.0.0.1:1") +
            Target("named", server.Url, buckets: "    buckets:\n      include: ['private-b', 'gone-b']\n");

        var (summary, output) = await RunAsync(Yaml(targets, checks: "exposure: true"));

        var failed = output.OfType<S3AuditFinding>().Where(f => f.Check == "audit").Select(f => (f.Target, f.BucketName, f.Rule, f.Result)).ToList();
        Assert.Equal(new[]
        {
            ("nokeys", "", "TargetFailed", S3AuditResult.Unknown),
            ("down", "", "TargetFailed", S3AuditResult.Unknown),
            ("named", "gone-b", "BucketFailed", S3AuditResult.Unknown),
        }, failed);
        S3AuditFinding down = output.OfType<S3AuditFinding>().Single(f => f.Target == "down");
        Assert.Contains("TargetEndpointUnreachable", down.Detail);
        Assert.Contains("refused the connection", down.Detail);
        Assert.Contains("endpoint", down.Remediation);
        Assert.Equal(3, summary.UnknownCount);

        string csv = File.ReadAllText(Path.Combine(_dir, "out", "audit-2026-11-14.csv"));
        Assert.Contains("TargetFailed", csv);
        Assert.Contains("BucketFailed", csv);
        IReadOnlyList<S3AuditFinding> json = JsonReport.ReadFindings(Path.Combine(_dir, "out", "audit-2026-11-14.json"));
        Assert.Equal(failed, json.Where(f => f.Check == "audit").Select(f => (f.Target, f.BucketName, f.Rule, f.Result)));
    }

    [Fact]
    public async Task TheBaselineMarksDriftAndKeepsFirstSeen()
    {
        bool fixedPublic = false;
        using RecordedHttpServer server = Server(b => fixedPublic && b == "public-b" ? Acl() : StandardAcls(b), "public-b", "write-b", "private-b");
        string yaml = Yaml(Target("rgw", server.Url), checks: "exposure: true");
        DateTimeOffset firstRun = _now;
        var (first, _) = await RunAsync(yaml);
        string baseline = Path.Combine(_dir, "out", "audit-2026-11-14.json");
        Assert.Equal(Path.Combine(_dir, "out", "audit-2026-11-14.csv") + "; " + baseline, first.OutputFiles);

        fixedPublic = true;
        _now = firstRun.AddDays(7);
        var (second, output) = await RunAsync(yaml, baseline);

        var byBucket = output.OfType<S3AuditFinding>().Where(f => f.BucketName.Length > 0).GroupBy(f => f.BucketName).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal((S3AuditDriftStatus.Resolved, firstRun), (byBucket["public-b"].Status, byBucket["public-b"].FirstSeen));
        Assert.Equal((S3AuditDriftStatus.Unchanged, firstRun), (byBucket["write-b"].Status, byBucket["write-b"].FirstSeen));
        Assert.Equal((1, 0, 2), (second.ResolvedCount, second.NewCount, second.CriticalCount));
        Assert.Equal(0, second.HighCount);

        // The second report is the next baseline: its Resolved finding is history there.
        string next = Path.Combine(_dir, "out", "audit-2026-11-21.json");
        Assert.Contains(JsonReport.ReadFindings(next), f => f.BucketName == "public-b" && f.Status == S3AuditDriftStatus.Resolved);
        string csv = File.ReadAllText(Path.Combine(_dir, "out", "audit-2026-11-21.csv"));
        Assert.Matches("\"public-b\",\"exposure\",\"PublicAcl\",\"[^\"]*AllUsers[^\"]*\",\"High\",\"Fail\",\"Resolved\"", csv);
    }

    [Fact]
    public async Task MinimumSeverityDropsSmallFailFindingsButNeverUnknownOnes()
    {
        using RecordedHttpServer server = Server(StandardAcls, "acp-b", "public-b");
        var (summary, output) = await RunAsync(Yaml(Target("rgw", server.Url), checks: "exposure: true\n  posture: true", extra: "thresholds:\n  minimumSeverity: Critical\n  failOn: Critical\n"), registry: ExposureOnly());

        // Both buckets' public ACLs are High: below the minimum, so dropped; the Unknown "posture not available" stays.
        Assert.DoesNotContain(output.OfType<S3AuditFinding>(), f => f.Result == S3AuditResult.Fail);
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Check == "posture" && f.Rule == "CheckNotAvailable");
        Assert.Equal((0, false), (summary.HighCount, summary.ThresholdExceeded));
    }

    [Fact]
    public async Task AMissingProfileFailsOnlyItsTarget()
    {
        using RecordedHttpServer server = Server(StandardAcls, "public-b");
        string missingFile = Path.Combine(_dir, "no-such-credentials");
        string targets = $"  - name: profiled\n    provider: Ceph\n    endpoint: {server.Url}\n    profile: nobody\n    profileLocation: {missingFile}\n" + Target("ok", server.Url);

        var (summary, output) = await RunAsync(Yaml(targets, checks: "exposure: true"));

        Assert.Single(output.Errors, e => Equals(e.Target, "profiled") && e.ErrorId.StartsWith("Target", StringComparison.Ordinal));
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Target == "ok" && f.Rule == "PublicAcl");
        Assert.Equal("ok", summary.CompleteTargets);
    }

    [Fact]
    public async Task ABadBaselineStopsTheRunBeforeAnyCall()
    {
        using RecordedHttpServer server = Server(StandardAcls, "public-b");
        string bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "[]");
        await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(Yaml(Target("rgw", server.Url)), bad));
        Assert.Empty(server.Received);
    }
}

public sealed class LoggingCheckProviderTests
{
    [Theory]
    [InlineData("Exoscale", "Start-S3AuditProxy")]
    [InlineData("Exoscale", "SOS data events")]
    [InlineData("Minio", "audit webhook")]
    [InlineData("Lyve", "Set-LyveAuditTarget")]
    public async Task ProvidersWithoutAccessLoggingAreUnknownNeverPassed(string provider, string alternative)
    {
        using var server = new RecordedHttpServer();
        string dir = Directory.CreateTempSubdirectory("s3audit-logcheck-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["T_AK"] = "AKID", ["T_SK"] = "secret" };
            string yaml = $"targets:\n  - name: t\n    provider: {provider}\n    endpoint: {server.Url}\n    region: us-east-1\n    accessKeyVariable: T_AK\n    secretKeyVariable: T_SK\n    buckets:\n      include: ['b']\nchecks:\n  logging: true\n";
            AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(dir, "audit.yml"), n => env.GetValueOrDefault(n));
            var output = new CollectingOutput();
            await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, output, CancellationToken.None);

            S3AuditFinding finding = Assert.Single(output.OfType<S3AuditFinding>());
            Assert.Equal(("logging", "ServerAccessLoggingNotSupported", S3AuditResult.Unknown, S3AuditSeverity.Medium), (finding.Check, finding.Rule, finding.Result, finding.Severity));
            Assert.Contains(alternative, finding.Remediation);
            Assert.Empty(server.Received);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
