using S3Audit.Engine.Exposure;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Exposure;

/// <summary>AWS's meaning of "public" for bucket policies, rule by rule, with the boundary cases.</summary>
public class BucketPolicyEvaluatorTests
{
    private static string Policy(string principal, string condition = "", string effect = "Allow", string action = "\"Action\":\"s3:GetObject\"") =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"" + effect + "\",\"Principal\":" + principal + "," + action +
        ",\"Resource\":\"arn:aws:s3:::b/*\"" + (condition.Length > 0 ? ",\"Condition\":" + condition : "") + "}]}";

    private static bool IsPublic(string json) => BucketPolicyEvaluator.Evaluate(json).IsPublic;

    [Theory]
    [InlineData("\"*\"", true)]
    [InlineData("{\"AWS\":\"*\"}", true)]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::*:root\"}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:user/${aws:username}\"}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:role/app-?\"}", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", false)]
    [InlineData("{\"AWS\":\"111122223333\"}", false)]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::444455556666:role/backup\"]}", false)]
    [InlineData("{\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}", false)]
    public void PrincipalsAreJudgedByFixedValueNotBySubstring(string principal, bool expected)
    {
        Assert.Equal(expected, IsPublic(Policy(principal)));
    }

    [Theory]
    [InlineData("{\"Federated\":\"graph.facebook.com\"}")]
    [InlineData("{\"Federated\":\"cognito-identity.amazonaws.com\"}")]
    public void FederatedPrincipalsArePublic(string principal)
    {
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(Policy(principal));
        Assert.True(result.IsPublic);
        Assert.Contains("Federated", result.Statements[0].Why);
        // A condition on a key AWS does not list (the identity pool audience) does not help.
        Assert.True(IsPublic(Policy(principal, "{\"StringEquals\":{\"cognito-identity.amazonaws.com:aud\":\"us-east-1:1234\"}}")));
    }

    [Fact]
    public void AFederatedPrincipalIsOpenButAFixedRestrictingConditionStillLimitsIt()
    {
        // AWS's rule is per Allow: fixed values of a principal OR of a restricting key. Federated is never a fixed
        // principal, but a fixed aws:SourceVpce (AND-combined) still limits who can use it.
        Assert.False(IsPublic(Policy("{\"Federated\":\"graph.facebook.com\"}", "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}")));
    }

    [Fact]
    public void NotPrincipalWithAllowIsPublicAndWithDenyIsNot()
    {
        string allow = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(allow);
        Assert.True(result.IsPublic);
        Assert.StartsWith("NOT ", result.Statements[0].Principal);
        Assert.Contains("NotPrincipal", result.Statements[0].Why);
        Assert.False(IsPublic(allow.Replace("Allow", "Deny")));
    }

    [Theory]
    [InlineData("logging.s3.amazonaws.com", "")]
    [InlineData("logging.s3.amazonaws.com", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::src\"},\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}")]
    [InlineData("cloudtrail.amazonaws.com", "{\"StringEquals\":{\"aws:SourceArn\":\"arn:aws:cloudtrail:us-east-1:111122223333:trail/t\"}}")]
    public void FixedServicePrincipalsAreNotPublicWithOrWithoutSourceConditions(string service, string condition)
    {
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(Policy("{\"Service\":\"" + service + "\"}", condition, action: "\"Action\":\"s3:PutObject\""));
        Assert.False(result.IsPublic);
        // Without a source scope the verdict still warns about confused-deputy use.
        Assert.Equal(condition.Length == 0, result.Statements[0].Why.Contains("confused deputy"));
    }

    [Fact]
    public void AWildcardServicePrincipalIsPublic()
    {
        Assert.True(IsPublic(Policy("{\"Service\":\"*.amazonaws.com\"}")));
    }

    [Theory]
    [InlineData("10.0.0.0/8", false)]     // exactly /8: fixed
    [InlineData("11.0.0.0/7", true)]      // /7: broader than /8
    [InlineData("0.0.0.0/1", true)]       // AWS's own example
    [InlineData("0.0.0.0/0", true)]
    [InlineData("203.0.113.0/24", false)] // a public but narrow range is fixed
    [InlineData("203.0.113.7", false)]    // a bare address is /32
    [InlineData("172.16.0.0/12", false)]  // RFC 1918 ranges are /8 or narrower
    [InlineData("192.168.0.0/16", false)]
    [InlineData("10.0.0.0/7", true)]      // private addresses earn no exemption once the range is broader than /8
    [InlineData("2001:db8::/32", false)]  // exactly /32 (IPv6)
    [InlineData("2001:db8::/31", true)]
    [InlineData("::/0", true)]
    [InlineData("2001:db8::1", false)]    // a bare IPv6 address is /128
    [InlineData("10.0.0.0/33", true)]     // invalid: not fixed
    [InlineData("not-an-ip", true)]
    [InlineData("${aws:SourceIp}", true)]
    public void SourceIpBreadthRule(string range, bool expected)
    {
        Assert.Equal(expected, IsPublic(Policy("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"" + range + "\"}}")));
    }

    [Theory]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33': the prefix length must be 0 to 32")]
    [InlineData("not-an-ip", "'not-an-ip' is not an IP address or CIDR block")]
    [InlineData("0.0.0.0/1", "'0.0.0.0/1' is broader than /8 (IPv4)")]
    [InlineData("2001:db8::/31", "'2001:db8::/31' is broader than /32 (IPv6)")]
    public void AnOpenSourceIpSaysWhyAndNamesTheValue(string range, string expected)
    {
        StatementVerdict verdict = BucketPolicyEvaluator.Evaluate(Policy("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"" + range + "\"}}")).Statements.Single();
        Assert.True(verdict.IsPublic);
        Assert.Contains("IpAddress aws:SourceIp: " + expected, verdict.Why);
    }

    [Fact]
    public void OneBroadRangeInAListMakesTheConditionOpen()
    {
        Assert.True(IsPublic(Policy("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"0.0.0.0/1\"]}}")));
        Assert.False(IsPublic(Policy("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.168.1.0/24\"]}}")));
    }

    [Theory]
    [InlineData("NotIpAddress", "aws:SourceIp", "10.0.0.0/8")]
    [InlineData("IpAddressIfExists", "aws:SourceIp", "10.0.0.0/8")]
    [InlineData("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d")]
    [InlineData("StringEqualsIfExists", "aws:SourceVpc", "vpc-91237329")]
    [InlineData("ForAllValues:StringEquals", "aws:SourceAccount", "111122223333")]
    [InlineData("Null", "aws:SourceVpc", "false")]
    public void NegatedOrAbsentTolerantOperatorsDoNotRestrict(string op, string key, string value)
    {
        Assert.True(IsPublic(Policy("\"*\"", "{\"" + op + "\":{\"" + key + "\":\"" + value + "\"}}")));
    }

    public static TheoryData<string, string, string, bool> KeyCases()
    {
        var data = new TheoryData<string, string, string, bool>();
        var fixedValues = new Dictionary<string, string>
        {
            ["aws:SourceArn"] = "arn:aws:s3:::source-bucket",
            ["aws:SourceVpc"] = "vpc-91237329",
            ["aws:SourceVpce"] = "vpce-1a2b3c4d",
            ["aws:SourceOwner"] = "111122223333",
            ["aws:SourceAccount"] = "111122223333",
            ["aws:PrincipalOrgID"] = "o-a1b2c3d4e5",
            ["aws:userid"] = "AIDAEXAMPLEUSERID",
            ["s3:x-amz-server-side-encryption-aws-kms-key-id"] = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["s3:DataAccessPointArn"] = "arn:aws:s3:us-west-2:111122223333:accesspoint/reports",
            ["s3:DataAccessPointAccount"] = "111122223333",
        };
        foreach (var (key, value) in fixedValues)
        {
            string op = key.EndsWith("Arn") ? "ArnEquals" : "StringEquals";
            data.Add(op, key, value, false);                              // fixed value: restricts
            data.Add(op.Replace("Equals", "Like"), key, value, false);    // Like with a literal value: still fixed
            // A wildcard (an access-point ARN may only have one in its name, so there it goes into the account).
            string star = key == "s3:DataAccessPointArn" ? value.Replace("111122223333", "1111222233*") : value.Substring(0, value.Length - 2) + "*";
            string question = key == "s3:DataAccessPointArn" ? value.Replace("111122223333", "11112222333?") : value.Substring(0, value.Length - 2) + "?" + value.Substring(value.Length - 1);
            data.Add(op.Replace("Equals", "Like"), key, star, true);
            data.Add(op, key, question, true);
            data.Add(op, key, "${aws:" + "username}", true);              // policy variable
        }

        data.Add("StringLike", "aws:SourceVpc", "vpc-*", true);          // AWS's own example of a public policy
        data.Add("StringEquals", "aws:PrincipalAccount", "111122223333", true); // not in AWS's list
        data.Add("StringEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/r", true);
        data.Add("StringEquals", "aws:Referer", "https://example.com", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(KeyCases))]
    public void WildcardsAndVariablesInEachRestrictingKey(string op, string key, string value, bool expected)
    {
        Assert.Equal(expected, IsPublic(Policy("\"*\"", "{\"" + op + "\":{\"" + key + "\":\"" + value + "\"}}")));
    }

    [Theory]
    [InlineData("StringEquals", "aws:userid", "AIDAEXAMPLEUSERID", false)]    // an IAM user's id is fixed
    [InlineData("StringLike", "aws:userid", "AROAEXAMPLEROLEID:*", true)]     // "outside the pattern AROLEID:*"
    [InlineData("StringEquals", "aws:userid", "AROAEXAMPLEROLEID:alice", true)] // the session name is the caller's choice
    [InlineData("ArnLike", "s3:DataAccessPointArn", "arn:aws:s3:us-west-2:111122223333:accesspoint/*", false)] // any name, fixed account
    [InlineData("ArnLike", "s3:DataAccessPointArn", "arn:aws:s3:us-west-2:*:accesspoint/*", true)]
    public void DocumentedWildcardExceptions(string op, string key, string value, bool expected)
    {
        Assert.Equal(expected, IsPublic(Policy("\"*\"", "{\"" + op + "\":{\"" + key + "\":\"" + value + "\"}}")));
    }

    [Fact]
    public void ConditionsCombineWithAnd()
    {
        // An open condition next to a restricting one: the restricting one is enough.
        Assert.False(IsPublic(Policy("\"*\"", "{\"Bool\":{\"aws:SecureTransport\":\"true\"},\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}")));
        Assert.False(IsPublic(Policy("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"},\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}")));
        // Only open conditions: public, and the reasons name each.
        PolicyEvaluation open = BucketPolicyEvaluator.Evaluate(Policy("\"*\"", "{\"Bool\":{\"aws:SecureTransport\":\"true\"},\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}"));
        Assert.True(open.IsPublic);
        Assert.Contains("aws:SecureTransport", open.Statements[0].Why);
        Assert.Contains("broader than /8", open.Statements[0].Why);
    }

    [Fact]
    public void ARestrictedStatementNextToAnOpenOneIsPublic()
    {
        string json = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Vpc","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}},
              {"Sid":"Open","Effect":"Allow","Principal":"*","Action":["s3:ListBucket"],"Resource":"arn:aws:s3:::b"}
            ]}
            """;
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(json);
        Assert.True(result.IsPublic);
        Assert.Equal(new[] { "Open" }, result.PublicStatements.Select(s => s.StatementId));
        Assert.Equal(PublicAccess.List, result.PublicAccess);
        Assert.Equal(2, result.Reasons.Count);
    }

    [Fact]
    public void DenyOnlyPoliciesAreNotPublicButEveryDenyIsReported()
    {
        string json = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
              {"Effect":"Deny","Principal":{"AWS":"*"},"NotAction":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}
            ]}
            """;
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(json);
        Assert.False(result.IsPublic);
        Assert.Equal(2, result.Statements.Count);
        Assert.All(result.Statements, s => Assert.StartsWith("Deny of", s.Why));
        Assert.Equal(PublicAccess.Write | PublicAccess.List | PublicAccess.Read, result.Statements[1].Access); // NotAction s3:GetObject still covers GetObjectAcl etc.
    }

    [Fact]
    public void ADenyDoesNotMakeAPublicAllowNonPublic()
    {
        string json = """
            {"Statement":[
              {"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Sid":"OnlyFromOffice","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}
            ]}
            """;
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(json);
        Assert.True(result.IsPublic);
        Assert.Contains("still counts a public Allow", result.Statements[1].Why);
    }

    [Theory]
    [InlineData("\"Action\":\"s3:GetObject\"", PublicAccess.Read)]
    [InlineData("\"Action\":[\"s3:ListBucket\"]", PublicAccess.List)]
    [InlineData("\"Action\":\"s3:Put*\"", PublicAccess.Write)]
    [InlineData("\"Action\":\"S3:*\"", PublicAccess.Read | PublicAccess.Write | PublicAccess.List)]
    [InlineData("\"Action\":\"*\"", PublicAccess.Read | PublicAccess.Write | PublicAccess.List)]
    [InlineData("\"NotAction\":\"s3:Delete*\"", PublicAccess.Read | PublicAccess.Write | PublicAccess.List)] // PutObject is still allowed
    [InlineData("\"NotAction\":[\"s3:Put*\",\"s3:Delete*\",\"s3:AbortMultipartUpload\",\"s3:RestoreObject\"]", PublicAccess.Read | PublicAccess.List)]
    [InlineData("\"Action\":\"sqs:SendMessage\"", PublicAccess.None)]
    public void ActionAndNotActionDecideReadWriteList(string action, PublicAccess expected)
    {
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(Policy("\"*\"", action: action));
        Assert.True(result.IsPublic);
        Assert.Equal(expected, result.PublicAccess);
    }

    [Fact]
    public void SingleObjectStatementStringValuesAndThe2008Version()
    {
        string asObject = "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}";
        PolicyEvaluation result = BucketPolicyEvaluator.Evaluate(asObject);
        Assert.True(result.IsPublic);
        Assert.Equal("Statement[0]", result.Statements.Single().StatementId);

        string asList = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"],\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"198.51.100.0/24\"]}}}]}";
        Assert.False(BucketPolicyEvaluator.Evaluate(asList).IsPublic);
        Assert.True(BucketPolicyEvaluator.Evaluate(asList.Replace("198.51.100.0/24", "0.0.0.0/0")).IsPublic);
        // A policy variable is literal text in a 2008-10-17 policy, but it is still not counted as a fixed value.
        string withVariable = asObject.Replace("{\"AWS\":\"*\"}", "{\"AWS\":\"arn:aws:iam::111122223333:user/${aws:username}\"}");
        Assert.Contains("${aws:username}", withVariable);
        Assert.True(BucketPolicyEvaluator.Evaluate(withVariable).IsPublic);
        Assert.False(BucketPolicyEvaluator.Evaluate(withVariable.Replace("${aws:username}", "alice")).IsPublic);
        // No Version at all is evaluated the same way.
        Assert.True(BucketPolicyEvaluator.Evaluate(asObject.Replace("\"Version\":\"2008-10-17\",", "")).IsPublic);
    }

    [Fact]
    public void InvalidJsonNamesProblemAndPosition()
    {
        var e = Assert.Throws<PolicyParseException>(() => BucketPolicyEvaluator.Evaluate("{\n \"Statement\": [\n  {\"Effect\": \"Allow\" \"Principal\": \"*\"}\n ]\n}"));
        Assert.Equal(3, e.Line);
        Assert.Contains("line 3, position", e.Message);
        Assert.Throws<PolicyParseException>(() => BucketPolicyEvaluator.Evaluate("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"someone\",\"Action\":\"s3:*\"}]}"));
    }

    [Fact]
    public void AllowWithoutPrincipalGrantsNothing()
    {
        var result = BucketPolicyEvaluator.Evaluate("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        Assert.False(result.IsPublic);
        Assert.Contains("without a Principal", result.Statements[0].Why);
    }
}
