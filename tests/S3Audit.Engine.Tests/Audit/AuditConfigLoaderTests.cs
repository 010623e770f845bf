using S3Audit.Engine.Audit.Checks;
using S3Audit.Engine.Audit.Config;

namespace S3Audit.Engine.Tests.Audit;

/// <summary>Audit profiles: a complete valid file, and invalid files rejected with file, line, column and what was expected.</summary>
public class AuditConfigLoaderTests
{
    private const string File = "/etc/s3audit/audit.yml";

    private static readonly Dictionary<string, string> Env = new()
    {
        ["RGW_ENDPOINT"] = "http://127.0.0.1:7480",
        ["TEAM"] = "backup",
    };

    private static AuditConfig Parse(string yaml) => AuditConfigLoader.Parse(yaml, File, name => Env.GetValueOrDefault(name));

    private static IReadOnlyList<AuditConfigError> Errors(string yaml) => Assert.Throws<AuditConfigException>(() => Parse(yaml)).Errors;

    private static void AssertSingle(string yaml, int line, int column, string expected)
    {
        IReadOnlyList<AuditConfigError> errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join(Environment.NewLine, errors));
        Assert.Equal((File, line, column), (errors[0].File, errors[0].Line, errors[0].Column));
        Assert.Contains(expected, errors[0].Message);
    }

    private const string Valid = """
        version: 1
        targets:
          - name: aws-prod
            provider: aws
            region: eu-central-1
            profile: audit
            buckets:
              include: ['${TEAM}-*', logs]
              exclude: ${TEAM}-tmp-*
          - name: rgw
            provider: Ceph
            endpoint: ${RGW_ENDPOINT}
            accessKeyVariable: RGW_ACCESS_KEY
            secretKeyVariable: RGW_SECRET_KEY
            sessionTokenVariable: RGW_TOKEN
            forcePathStyle: true
        checks:
          exposure: true
          posture: false
          logging: yes
          logAnomalies:
            hours: 48
        thresholds:
          minimumSeverity: medium
          failOn: Critical
          keyMaxAgeDays: 30
        outputs:
          csv: reports/audit-{date}.csv
          json: /var/s3audit/audit-{timestamp}.json
        """;

    [Fact]
    public void AValidFileIsReadCompletely()
    {
        AuditConfig config = Parse(Valid);

        Assert.Equal(2, config.Targets.Count);
        AuditTarget aws = config.Targets[0];
        Assert.Equal(("aws-prod", S3Provider.Aws, "eu-central-1", "audit", (string?)null), (aws.Name, aws.Provider, aws.Region, aws.Profile, aws.Endpoint));
        Assert.Equal(new[] { "backup-*", "logs" }, aws.Include);
        Assert.Equal(new[] { "backup-tmp-*" }, aws.Exclude);
        AuditTarget rgw = config.Targets[1];
        Assert.Equal(("http://127.0.0.1:7480", "RGW_ACCESS_KEY", "RGW_SECRET_KEY", "RGW_TOKEN", (bool?)true),
            (rgw.Endpoint, rgw.AccessKeyVariable, rgw.SecretKeyVariable, rgw.SessionTokenVariable, rgw.ForcePathStyle));
        Assert.Empty(rgw.Include);

        Assert.Equal(new[] { "exposure", "logging", "logAnomalies" }, config.Checks.Select(c => c.Name));
        Assert.Equal(48, config.Checks.Single(c => c.Name == AuditCheckNames.LogAnomalies).Hours);
        Assert.Equal((S3AuditSeverity.Medium, S3AuditSeverity.Critical, 30, 45),
            (config.Thresholds.MinimumSeverity, config.Thresholds.FailOn, config.Thresholds.KeyMaxAgeDays, config.Thresholds.KeyUnusedDays));

        var start = new DateTimeOffset(2026, 11, 21, 23, 15, 0, TimeSpan.FromHours(2));
        Assert.Equal(Path.GetFullPath("/etc/s3audit/reports/audit-2026-11-21.csv"), config.CsvPath!.Resolve(start));
        Assert.Equal(Path.GetFullPath("/var/s3audit/audit-20261121T211500Z.json"), config.JsonPath!.Resolve(start));
    }

    [Fact]
    public void DefaultsApplyWhenOptionalSectionsAreMissing()
    {
        AuditConfig config = Parse("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\n");
        Assert.Equal((S3AuditSeverity.Info, S3AuditSeverity.High, 90, 45), (config.Thresholds.MinimumSeverity, config.Thresholds.FailOn, config.Thresholds.KeyMaxAgeDays, config.Thresholds.KeyUnusedDays));
        Assert.Null(config.CsvPath);
        Assert.Null(config.JsonPath);
    }

    [Theory]
    [InlineData(S3Provider.Aws)]
    [InlineData(S3Provider.Exoscale)]
    [InlineData(S3Provider.Lyve)]
    [InlineData(S3Provider.Minio)]
    [InlineData(S3Provider.Ceph)]
    [InlineData(S3Provider.Generic)]
    public void TheStarterFileIsValidForEveryProvider(S3Provider provider)
    {
        AuditConfig config = Parse(AuditConfigTemplate.Render(provider));
        Assert.Equal(provider, config.Targets.Single().Provider);
        Assert.Equal(new[] { "exposure", "posture", "logging" }, config.Checks.Select(c => c.Name));
        Assert.NotNull(config.CsvPath);
        Assert.NotNull(config.JsonPath);
    }

    [Fact]
    public void BadYamlSyntaxIsReportedWhereTheParserStopped()
    {
        AssertSingle("targets:\n  - name: a\n   provider: Aws\n", 3, 4, "not valid YAML");
    }

    [Fact]
    public void ADuplicateKeyIsReportedAtTheSecondOne() =>
        AssertSingle("targets:\n  - name: a\n    provider: Aws\n    provider: Ceph\nchecks:\n  exposure: true\n", 4, 5, "Duplicate key provider; expected each key once per mapping");

    [Fact]
    public void AnUnclosedListIsReportedAtTheEnd() =>
        AssertSingle("targets: [a\nchecks:\n  exposure: true\n", 3, 1, "ends inside an open [ ], { } or quoted value");

    [Fact]
    public void AnEmptyFileIsRejected() => AssertSingle("", 1, 1, "the file is empty");

    [Fact]
    public void AnUnknownTopLevelKeyIsReportedAtTheKey()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\noutput:\n  csv: x.csv\n", 6, 1,
            "unknown key 'output' in the file; expected one of: version, targets, checks, thresholds, outputs");
    }

    [Fact]
    public void ASecretInTheFileIsRejected()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\n    secretKey: wJalrXUtnFEMI/K7MDENG\nchecks:\n  exposure: true\n", 4, 5,
            "'secretKey' would put a secret in the file");
    }

    [Fact]
    public void AKeyVariableThatHoldsAKeyIsRejected()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\n    accessKeyVariable: AKIAIOSFODNN7EXAMPLE\n    secretKeyVariable: AWS_SECRET\nchecks:\n  exposure: true\n", 4, 24,
            "must be the NAME of an environment variable");
        Assert.Equal(2, Errors("targets:\n  - name: a\n    provider: Aws\n    accessKeyVariable: AKIAIOSFODNN7EXAMPLE\n    secretKeyVariable: wJalr/XUtn+FEMI\nchecks:\n  exposure: true\n").Count);
    }

    [Fact]
    public void AnUnknownProviderNamesTheAllowedOnes()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Wasabi\n    endpoint: https://s3.wasabisys.com\nchecks:\n  exposure: true\n", 3, 15,
            "'provider' in target 'a' must be one of: Aws, Exoscale, Lyve, Minio, Ceph, Generic; found 'Wasabi'");
    }

    [Fact]
    public void ANonAwsTargetNeedsAnEndpoint()
    {
        AssertSingle("targets:\n  - name: rgw\n    provider: Ceph\nchecks:\n  exposure: true\n", 2, 5, "target 'rgw' needs 'endpoint'");
    }

    [Fact]
    public void ABadEndpointIsReportedAtItsValue()
    {
        AssertSingle("targets:\n  - name: rgw\n    provider: Ceph\n    endpoint: rgw.example:7480\nchecks:\n  exposure: true\n", 4, 15, "absolute http or https URL");
    }

    [Fact]
    public void AnUnsetEnvironmentVariableIsReportedAtTheReference()
    {
        AssertSingle("targets:\n  - name: rgw\n    provider: Ceph\n    endpoint: 'http://${NOT_SET_ANYWHERE}:7480'\nchecks:\n  exposure: true\n", 4, 23,
            "the environment variable 'NOT_SET_ANYWHERE' is not set");
    }

    [Fact]
    public void AReferenceWithADefaultUsesItWhenTheVariableIsUnset()
    {
        AuditConfig config = Parse("targets:\n  - name: rgw\n    provider: Ceph\n    endpoint: ${NOT_SET_ANYWHERE:-http://127.0.0.1:7480}\n    buckets:\n      include: '${TEAM:-all}-*'\nchecks:\n  exposure: true\n");
        Assert.Equal(("http://127.0.0.1:7480", "backup-*"), (config.Targets[0].Endpoint, config.Targets[0].Include.Single()));
    }

    [Fact]
    public void DuplicateTargetNamesAreRejected()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\n  - name: A\n    provider: Aws\nchecks:\n  exposure: true\n", 4, 11, "the target name 'A' is used twice");
    }

    [Fact]
    public void AnUnknownCheckNamesTheKnownOnes()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\n  encryption: true\n", 6, 3,
            "unknown key 'encryption' in 'checks'; expected one of: exposure, posture, logging, credentials, logAnomalies");
    }

    [Fact]
    public void CheckOptionsAreValidated()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  logAnomalies:\n    hours: 0\n", 6, 12, "'hours' in the check 'logAnomalies' must be a whole number from 1 to 8760; found '0'");
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: maybe\n", 5, 13, "the check 'exposure' must be true or false; found 'maybe'");
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure:\n    hours: 3\n", 6, 5, "unknown key 'hours' in the check 'exposure'; expected one of: enabled");
    }

    [Fact]
    public void AtLeastOneCheckMustBeEnabled()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: false\n", 5, 3, "no check is enabled");
    }

    [Fact]
    public void AnUnknownDateTokenIsReportedAtItsBrace()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\noutputs:\n  csv: reports/audit-{day}.csv\n", 7, 22,
            "unknown token '{day}'; expected one of: {date}, {time}, {timestamp}");
    }

    [Fact]
    public void ABadSeverityNamesTheScale()
    {
        AssertSingle("targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\nthresholds:\n  failOn: Severe\n", 7, 11,
            "'failOn' in 'thresholds' must be one of: None, Info, Low, Medium, High, Critical; found 'Severe'");
    }

    [Fact]
    public void EveryProblemIsReportedInFileOrderAndTheMessageNamesFileLineAndColumn()
    {
        const string yaml = "targets:\n  - name: rgw\n    provider: Ceph\n    secret: x\nchecks:\n  exposre: true\n";
        AuditConfigException e = Assert.Throws<AuditConfigException>(() => Parse(yaml));

        Assert.Equal(new[] { (2, 5), (4, 5), (6, 3) }, e.Errors.Select(x => (x.Line, x.Column)));
        Assert.Contains($"{File}(4,5): 'secret' would put a secret in the file", e.Message);
        Assert.Contains($"{File}(6,3): unknown key 'exposre'", e.Message);
    }

    [Fact]
    public void MissingTargetsAndChecksAreReported()
    {
        IReadOnlyList<AuditConfigError> errors = Errors("version: 1\n");
        Assert.Contains(errors, e => e.Message.Contains("'targets' must be a list with at least one target"));
        Assert.Contains(errors, e => e.Message.Contains("the file needs 'checks'"));
    }

    [Fact]
    public void AMissingFileSaysHowToCreateOne()
    {
        var e = Assert.Throws<FileNotFoundException>(() => AuditConfigLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yml")));
        Assert.Contains("New-S3AuditConfig", e.Message);
    }

    /// <summary>A binary file is one error at (1,1) saying it is not text; none of its bytes are quoted.</summary>
    [Fact]
    public void ABinaryFileIsOneClearErrorWithoutItsBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"s3audit-binary-{Guid.NewGuid():N}.yml");
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE };
        System.IO.File.WriteAllBytes(path, png);
        try
        {
            var ex = Assert.Throws<AuditConfigException>(() => AuditConfigLoader.Load(path));
            AuditConfigError error = Assert.Single(ex.Errors);
            Assert.Equal((1, 1), (error.Line, error.Column));
            Assert.Equal("the file is not a text file (a NUL byte at offset 8): an audit profile is YAML text; create one with New-S3AuditConfig", error.Message);
            Assert.DoesNotContain(ex.Message, c => char.IsControl(c) && c != '\r' && c != '\n');
            Assert.DoesNotContain("PNG", ex.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>UTF-16 with a BOM is text (it holds NUL bytes); bytes that are not UTF-8 are not.</summary>
    [Fact]
    public void TextIsUtf8OrUnicodeWithABom()
    {
        string path = Path.Combine(Path.GetTempPath(), $"s3audit-utf16-{Guid.NewGuid():N}.yml");
        try
        {
            System.IO.File.WriteAllText(path, "targets:\n  - name: a\n    provider: Aws\nchecks:\n  exposure: true\n", System.Text.Encoding.Unicode);
            Assert.Equal("a", Assert.Single(AuditConfigLoader.Load(path).Targets).Name);

            System.IO.File.WriteAllBytes(path, new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28 });
            AuditConfigError error = Assert.Single(Assert.Throws<AuditConfigException>(() => AuditConfigLoader.Load(path)).Errors);
            Assert.Contains("bytes that are not UTF-8 at offset 3", error.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>A quoted value never carries control characters into a message, and a long one is cut.</summary>
    [Fact]
    public void QuotedValuesAreVisibleAndShort()
    {
        Assert.Equal("a?b", YamlNodeReader.Quoted("a\u0007b"));
        Assert.Equal(new string('x', 60) + "...", YamlNodeReader.Quoted(new string('x', 200)));
        AssertSingle("\"\\u0001\\u0002 not a mapping\"\n", 1, 1, "The file must be a mapping (key: value lines); found '?? not a mapping'");
    }
}
