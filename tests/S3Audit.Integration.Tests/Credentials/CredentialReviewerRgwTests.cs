using S3Audit.Engine.Connection;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Credentials;

/// <summary>Plants IAM problems on RGW once with the account root user and runs the credential review over them.</summary>
public sealed class PlantedIamProblems : IAsyncLifetime
{
    public string Prefix { get; } = "ca" + Guid.NewGuid().ToString("N").Substring(0, 8);
    public IReadOnlyList<S3AuditCredential> Rows { get; private set; } = Array.Empty<S3AuditCredential>();
    public CollectingOutput Output { get; } = new();

    public string User(string suffix) => $"{Prefix}-{suffix}";

    public async Task InitializeAsync()
    {
        using S3Session session = RgwServer.OpenSession(accountRoot: true);
        using var signed = session.CreateSignedClient("us-east-1");
        var iam = new IamQueryClient(signed, new Uri(RgwServer.Endpoint));
        Task Call(string action, params (string Name, string Value)[] parameters) =>
            iam.CallAsync(action, parameters.ToDictionary(p => p.Name, p => p.Value), CancellationToken.None);

        await Call("CreateUser", ("UserName", User("twokeys")));
        await Call("CreateAccessKey", ("UserName", User("twokeys")));
        await Call("CreateAccessKey", ("UserName", User("twokeys")));

        await Call("CreateUser", ("UserName", User("s3star")));
        await Call("CreateAccessKey", ("UserName", User("s3star")));
        await Call("PutUserPolicy", ("UserName", User("s3star")), ("PolicyName", "everything-s3"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));

        await Call("CreateUser", ("UserName", User("attached")));
        await Call("AttachUserPolicy", ("UserName", User("attached")), ("PolicyArn", "arn:aws:iam::aws:policy/AmazonS3FullAccess"));

        // RGW knows only some AWS-managed ARNs: the group gets S3 read-only attached and admin inline.
        await Call("CreateGroup", ("GroupName", User("admins")));
        await Call("AttachGroupPolicy", ("GroupName", User("admins")), ("PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        await Call("PutGroupPolicy", ("GroupName", User("admins")), ("PolicyName", "admin"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        await Call("CreateUser", ("UserName", User("grouped")));
        await Call("AddUserToGroup", ("GroupName", User("admins")), ("UserName", User("grouped")));

        await Call("CreateUser", ("UserName", User("reader")));
        await Call("CreateAccessKey", ("UserName", User("reader")));
        await Call("PutUserPolicy", ("UserName", User("reader")), ("PolicyName", "read-logs"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"]}]}"""));

        await Call("CreateRole", ("RoleName", User("open-role")),
            ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["sts:AssumeRole"]}]}"""));
        await Call("CreateRole", ("RoleName", User("s3-role")),
            ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::{{RgwServer.AccountId}}:user/{{User("reader")}}"]},"Action":["sts:AssumeRole"]}]}"""));
        await Call("PutRolePolicy", ("RoleName", User("s3-role")), ("PolicyName", "s3-everything"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
        await Call("CreateRole", ("RoleName", User("quiet-role")),
            ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::{{RgwServer.AccountId}}:user/{{User("reader")}}"]},"Action":["sts:AssumeRole"]}]}"""));

        Rows = await new CredentialReviewer(session).ReviewAsync(new CredentialReviewRequest { UserNames = { Prefix + "-*" }, IncludeRoles = true }, Output, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The credential review finds the problems planted on RGW through the IAM Query API.</summary>
public sealed class CredentialReviewerRgwTests : IClassFixture<PlantedIamProblems>
{
    private readonly PlantedIamProblems _planted;

    public CredentialReviewerRgwTests(PlantedIamProblems planted) => _planted = planted;

    private string User(string suffix) => _planted.User(suffix);

    private Task<(IReadOnlyList<S3AuditCredential> Rows, CollectingOutput Output)> Review() =>
        Task.FromResult((_planted.Rows, _planted.Output));

    [Fact]
    public async Task FindsTwoActiveKeysOnEachKeyRowWithTheKeyMasked()
    {
        var (rows, output) = await Review();
        var twoKeys = rows.Where(r => r.UserName == User("twokeys")).ToList();
        Assert.Equal(2, twoKeys.Count);
        Assert.All(twoKeys, r =>
        {
            Assert.Contains("TwoActiveKeys", r.Findings);
            Assert.Matches(@"^\*\*\*\*[A-Za-z0-9]{4}$", r.AccessKeyId);
            Assert.Equal("Active", r.KeyStatus);
            Assert.Equal(0, r.KeyAgeDays);
            Assert.Equal(S3Audit.S3AuditSeverity.Medium, r.Severity);
        });
        Assert.Empty(output.Errors);
    }

    [Fact]
    public async Task FindsAnInlineS3StarPolicy()
    {
        var (rows, _) = await Review();
        S3AuditCredential s3star = Assert.Single(rows, r => r.UserName == User("s3star"));
        Assert.True(s3star.FullS3Access);
        Assert.False(s3star.FullAdminAccess);
        Assert.Contains("FullS3Access", s3star.Findings);
        Assert.Contains("[s3:*]", s3star.S3Access);
        Assert.Contains("[Resource *]", s3star.S3Access);
        Assert.Equal(S3Audit.S3AuditSeverity.High, s3star.Severity);
    }

    [Fact]
    public async Task JudgesAttachedAwsManagedPoliciesAndGroupPolicies()
    {
        var (rows, _) = await Review();
        S3AuditCredential attached = Assert.Single(rows, r => r.UserName == User("attached"));
        Assert.Contains("FullS3Access", attached.Findings);
        Assert.Equal(string.Empty, attached.AccessKeyId);

        S3AuditCredential grouped = Assert.Single(rows, r => r.UserName == User("grouped"));
        Assert.Equal(User("admins"), grouped.Groups);
        Assert.Contains("s3:Get*", grouped.S3Access);
        Assert.True(grouped.FullAdminAccess);
        Assert.Contains("FullAdminAccess", grouped.Findings);
        Assert.Equal(S3Audit.S3AuditSeverity.Critical, grouped.Severity);
    }

    [Fact]
    public async Task AScopedReaderHasNoAccessFindingAndTheVerboseStreamNamesTheApis()
    {
        var (rows, output) = await Review();
        S3AuditCredential reader = Assert.Single(rows, r => r.UserName == User("reader"));
        Assert.Equal("s3:GetObject, s3:ListBucket on logs", reader.S3Access);
        // RGW tells no key last use (GetAccessKeyLastUsed is 405), so no use findings either: unknown is not "never".
        Assert.Equal(string.Empty, reader.Findings);
        Assert.Equal(string.Empty, reader.KeyLastUsedService);
        Assert.Equal("IamApi", reader.Source);
        Assert.Equal(S3Audit.S3Provider.Ceph, reader.Provider);
        Assert.Contains(output.Verbose, v => v.StartsWith("No credential report"));
        Assert.Contains(output.Verbose, v => v.StartsWith("ListUsers answered"));
        Assert.Contains(output.Verbose, v => v.StartsWith("GetAccessKeyLastUsed is not offered (MethodNotAllowed)"));
    }

    [Fact]
    public async Task RolesAnyoneCanAssumeOrWithFullS3AreListedAndQuietRolesAreNot()
    {
        var (rows, _) = await Review();
        var roles = rows.Where(r => r.IdentityType == "Role").ToList();
        Assert.Equal(new[] { User("open-role"), User("s3-role") }, roles.Select(r => r.UserName));
        Assert.Equal(("AnyoneCanAssume", S3Audit.S3AuditSeverity.Critical), (roles[0].Findings, roles[0].Severity));
        Assert.Equal("FullS3Access", roles[1].Findings);
        Assert.StartsWith("arn:aws:iam::", roles[1].UserArn);
    }
}
