using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Acl;

namespace S3Audit.Engine.Tests.Acl;

public class AclGrantMapperTests
{
    [Theory]
    [InlineData("http://acs.amazonaws.com/groups/global/AllUsers", "AllUsers")]
    [InlineData("https://acs.amazonaws.com/groups/global/AllUsers", "AllUsers")]
    [InlineData("HTTP://ACS.AMAZONAWS.COM/groups/global/allusers/", "AllUsers")]
    [InlineData("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "AuthenticatedUsers")]
    [InlineData("http://acs.amazonaws.com/groups/s3/LogDelivery", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void RecognisesPublicGroups(string? uri, string expected) => Assert.Equal(expected, AclGrantMapper.PublicGroupOf(uri));

    [Fact]
    public void MapsEveryGranteeKind()
    {
        var grants = new List<S3Grant>
        {
            new() { Grantee = new S3Grantee { CanonicalUser = "owner-id", DisplayName = "Owner" }, Permission = S3Permission.FULL_CONTROL },
            new() { Grantee = new S3Grantee { URI = AclGrantMapper.AllUsersUri }, Permission = S3Permission.READ },
            new() { Grantee = new S3Grantee { URI = AclGrantMapper.LogDeliveryUri }, Permission = S3Permission.WRITE },
            new() { Grantee = new S3Grantee { EmailAddress = "a@example.com" }, Permission = S3Permission.READ_ACP },
        };
        var rows = AclGrantMapper.ToRows("b", "k", new Owner { Id = "owner-id", DisplayName = "Owner" }, grants, false, S3Provider.Aws, "eu-west-1").ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(("CanonicalUser", "owner-id", false), (rows[0].GranteeType, rows[0].Grantee, rows[0].IsPublic));
        Assert.Equal(("Group", true, "AllUsers", "READ"), (rows[1].GranteeType, rows[1].IsPublic, rows[1].PublicGroup, rows[1].Permission));
        Assert.Equal(("Group", false, ""), (rows[2].GranteeType, rows[2].IsPublic, rows[2].PublicGroup));
        Assert.Equal(("Email", "a@example.com"), (rows[3].GranteeType, rows[3].Grantee));
        Assert.Equal(new[] { "Owner", "AllUsers", "LogDelivery", "a@example.com" }, rows.Select(r => r.GranteeName));
        Assert.All(rows, r => Assert.Equal(("b", "k", "owner-id", false, "eu-west-1"), (r.BucketName, r.Key, r.OwnerId, r.AclsInForce!.Value, r.Region)));
    }

    [Fact]
    public void NoGrantsGivesNoRows() =>
        Assert.Empty(AclGrantMapper.ToRows("b", "", null, null, null, S3Provider.Ceph, "us-east-1"));
}
