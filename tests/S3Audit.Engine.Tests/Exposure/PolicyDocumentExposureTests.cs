using S3Audit.Engine.Buckets;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Exposure;

public class PolicyDocumentExposureTests
{
    [Fact]
    public void ADraftPublicPolicyIsPublicWithOneFindingPerCauseAndDenysAsInformation()
    {
        const string draft = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Cdn","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::site/*"},
              {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::site/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}
            ]}
            """;
        ExposureReport report = PolicyDocumentExposure.Evaluate(draft, S3Provider.Aws, "site");
        Assert.Equal((S3ExposureLevel.Public, true, true, (bool?)true, 1), (report.Result.Exposure, report.Result.PublicRead, report.Result.PublicWrite, report.Result.ViaPolicy, report.Result.FindingCount));
        Assert.Equal(2, report.Findings.Count);
        Assert.Contains(report.Findings, f => f.StatementId == "Cdn" && f.Severity == S3AuditSeverity.Critical && f.Exposure == S3ExposureLevel.Public && f.Remediation.Contains("RestrictPublicBuckets"));
        Assert.Contains(report.Findings, f => f.StatementId == "TlsOnly" && f.Severity == S3AuditSeverity.Info && f.Exposure == S3ExposureLevel.NotPublic);
        Assert.Contains("Offline check", report.Result.Reasons);
    }

    [Fact]
    public void ARestrictedDraftIsNotPublicAndExoscaleDraftsUseExoscaleRules()
    {
        Assert.Equal(S3ExposureLevel.NotPublic, PolicyDocumentExposure.Evaluate(
            """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/backup"},"Action":"s3:*","Resource":"*"}]}""").Result.Exposure);
        Assert.Equal(S3ExposureLevel.Public, PolicyDocumentExposure.Evaluate(
            """{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[{"action":"allow","expression":"true"}]}}}""", S3Provider.Exoscale).Result.Exposure);
        Assert.Throws<PolicyParseException>(() => PolicyDocumentExposure.Evaluate("{\"services\":{}}", S3Provider.Aws));
    }
}
