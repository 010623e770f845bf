using S3Audit.Engine.Credentials;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Credentials;

/// <summary>Each finding with its threshold (CIS / Prowler: rotation 90 days, unused 45 days).</summary>
public class CredentialRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static IdentityFacts User(params KeyFacts[] keys)
    {
        var facts = new IdentityFacts { UserName = "alice", Arn = "arn:aws:iam::111122223333:user/alice", Source = "IamApi" };
        facts.Keys.AddRange(keys);
        return facts;
    }

    private static KeyFacts Key(int ageDays, int? lastUsedDaysAgo, bool known = true, string status = "Active") => new()
    {
        AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
        Status = status,
        Created = Now.AddDays(-ageDays),
        LastUsed = lastUsedDaysAgo.HasValue ? Now.AddDays(-lastUsedDaysAgo.Value) : null,
        LastUsedService = lastUsedDaysAgo.HasValue ? "s3" : "N/A",
        LastUseKnown = known,
    };

    private static List<S3AuditCredential> Rows(IdentityFacts facts, int maxAge = 90, int maxUnused = 45) =>
        CredentialRules.Evaluate(facts, new CredentialReviewRequest { MaxKeyAgeDays = maxAge, MaxUnusedDays = maxUnused }, S3Provider.Aws, Now).ToList();

    [Theory]
    [InlineData(90, "")]
    [InlineData(91, "KeyNotRotated (91 days > 90)")]
    public void AKeyOlderThanMaxKeyAgeDaysIsNotRotated(int age, string finding)
    {
        S3AuditCredential row = Rows(User(Key(age, 1))).Single();
        Assert.Equal(finding, row.Findings);
        Assert.Equal(age, row.KeyAgeDays);
        Assert.Equal(finding.Length > 0 ? S3AuditSeverity.Medium : S3AuditSeverity.None, row.Severity);
    }

    [Fact]
    public void TheRotationThresholdIsAParameter() =>
        Assert.Equal("KeyNotRotated (31 days > 30)", Rows(User(Key(31, 1)), maxAge: 30).Single().Findings);

    [Theory]
    [InlineData(45, "")]
    [InlineData(46, "KeyUnused (46 days > 45)")]
    public void AnActiveKeyUnusedForMoreThanMaxUnusedDaysIsUnused(int unused, string finding)
    {
        S3AuditCredential row = Rows(User(Key(60, unused))).Single();
        Assert.Equal(finding, row.Findings);
        Assert.Equal(unused, row.DaysSinceLastUse);
        Assert.Equal("s3", row.KeyLastUsedService);
    }

    [Fact]
    public void AnInactiveKeyIsNeitherUnusedNorOld() =>
        Assert.Equal(string.Empty, Rows(User(Key(400, 300, status: "Inactive"))).Single().Findings);

    [Fact]
    public void AnActiveKeyNeverUsedIsFoundButAnUnknownLastUseIsNot()
    {
        S3AuditCredential never = Rows(User(Key(10, null))).Single();
        Assert.Equal("KeyNeverUsed", never.Findings);
        Assert.Equal("N/A", never.KeyLastUsedService);
        Assert.Equal(10, never.DaysSinceLastUse);
        Assert.Equal(S3AuditSeverity.Low, never.Severity);

        S3AuditCredential unknown = Rows(User(Key(10, null, known: false))).Single();
        Assert.Equal(string.Empty, unknown.Findings);
        Assert.Equal(string.Empty, unknown.KeyLastUsedService);
        Assert.Null(unknown.DaysSinceLastUse);
    }

    [Fact]
    public void TwoActiveKeysAreFoundOnBothRowsButNotWithOneInactive()
    {
        var rows = Rows(User(Key(10, 1), Key(5, 1)));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("TwoActiveKeys", r.Findings));
        Assert.All(Rows(User(Key(10, 1), Key(5, 1, status: "Inactive"))), r => Assert.Equal(string.Empty, r.Findings));
    }

    [Fact]
    public void TheRootUserWithAnActiveKeyIsCritical()
    {
        IdentityFacts root = User(Key(10, 1));
        root.IdentityType = "Root";
        root.UserName = "<root_account>";
        root.MfaActive = true;
        root.Access.Add(PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"""));
        S3AuditCredential row = Rows(root).Single();
        Assert.Equal("RootAccessKey", row.Findings);
        Assert.Equal(S3AuditSeverity.Critical, row.Severity);
        Assert.True(row.FullAdminAccess);

        root.Keys.Clear();
        Assert.Equal(string.Empty, Rows(root).Single().Findings);
    }

    [Fact]
    public void AConsoleUserWithoutMfaIsHigh()
    {
        IdentityFacts user = User();
        user.PasswordEnabled = true;
        user.MfaActive = false;
        S3AuditCredential row = Rows(user).Single();
        Assert.Equal("ConsoleWithoutMfa", row.Findings);
        Assert.Equal(S3AuditSeverity.High, row.Severity);
        Assert.Equal(string.Empty, row.AccessKeyId);

        user.MfaActive = null;
        Assert.Equal(string.Empty, Rows(user).Single().Findings);
        user.MfaActive = false;
        user.PasswordEnabled = false;
        Assert.Equal(string.Empty, Rows(user).Single().Findings);
    }

    [Fact]
    public void FullS3AndFullAdminAccessAreFoundAndTheWorstSeverityWins()
    {
        IdentityFacts s3 = User(Key(100, 1));
        s3.Access.Add(PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"""));
        S3AuditCredential row = Rows(s3).Single();
        Assert.Equal("FullS3Access; KeyNotRotated (100 days > 90)", row.Findings);
        Assert.Equal(S3AuditSeverity.High, row.Severity);

        IdentityFacts admin = User();
        admin.Access.Add(PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"*:*","Resource":"*"}}"""));
        Assert.Equal("FullAdminAccess", Rows(admin).Single().Findings);
        Assert.Equal(S3AuditSeverity.Critical, Rows(admin).Single().Severity);
    }

    [Fact]
    public void ARoleAnyoneCanAssumeIsCritical()
    {
        var role = new IdentityFacts { IdentityType = "Role", UserName = "open", AnyoneCanAssume = true };
        S3AuditCredential row = Rows(role).Single();
        Assert.Equal("AnyoneCanAssume", row.Findings);
        Assert.Equal(S3AuditSeverity.Critical, row.Severity);
    }

    [Fact]
    public void TheAccessKeyIdIsShownAsItsLastFourCharactersOnly()
    {
        S3AuditCredential row = Rows(User(Key(1, 1))).Single();
        Assert.Equal("****MPLE", row.AccessKeyId);
    }
}
