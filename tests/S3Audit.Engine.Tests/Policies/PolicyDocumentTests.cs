using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Policies;

public class PolicyDocumentTests
{
    [Fact]
    public void ParsesEveryElementAndNormalisesStringsToLists()
    {
        var doc = PolicyDocument.Parse("""
            {"Version":"2012-10-17","Id":"p1","Statement":[
              {"Sid":"Read","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:user/x"],"Service":"logging.s3.amazonaws.com"},
               "Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"],
               "Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":10}}},
              {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"NotAction":["s3:Get*"],"NotResource":"arn:aws:s3:::b"}
            ]}
            """);
        Assert.Equal(("2012-10-17", "p1", 2), (doc.Version, doc.Id, doc.Statements.Count));
        PolicyStatement allow = doc.Statements[0];
        Assert.True(allow.IsAllow);
        Assert.Equal("Read", allow.DisplayId);
        Assert.Equal(2, allow.Principal!.Of("AWS").Count);
        Assert.Equal(new[] { "logging.s3.amazonaws.com" }, allow.Principal.Of("Service"));
        Assert.Equal(new[] { "s3:GetObject" }, allow.Actions);
        Assert.Equal(new[] { "10.0.0.0/8", "192.0.2.0/24" }, allow.ConditionsOn("AWS:SOURCEIP").Single().Values);
        Assert.Equal(new[] { "false" }, allow.ConditionsOn("aws:SecureTransport").Single().Values);
        Assert.Equal(new[] { "10" }, allow.ConditionsOn("s3:max-keys").Single().Values);
        PolicyStatement deny = doc.Statements[1];
        Assert.Equal(("Statement[1]", false, null), (deny.DisplayId, deny.IsAllow, deny.Principal));
        Assert.Equal(new[] { "s3:Get*" }, deny.NotActions);
        Assert.Equal(new[] { "arn:aws:s3:::b" }, deny.NotResources);
        Assert.StartsWith("{\"Effect\":\"Deny\"", deny.RawJson);
    }

    [Fact]
    public void AcceptsASingleStatementObjectAndThe2008Version()
    {
        var doc = PolicyDocument.Parse("""{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""");
        Assert.Equal("2008-10-17", doc.Version);
        Assert.True(Assert.Single(doc.Statements).Principal!.IsWildcardString);
    }

    [Theory]
    [InlineData("{\"Statement\": [ {\"Effect\": \"Allow\",, } ]}", 1)]
    [InlineData("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"s3:*\"}\n  ]\n}", 4)]
    public void InvalidJsonNamesLineAndPosition(string json, int line)
    {
        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse(json));
        Assert.Equal(line, ex.Line);
        Assert.True(ex.Position > 0);
        Assert.Contains($"line {line}", ex.Message);
    }

    /// <summary>The position is given once, 1-based and in characters: System.Text.Json's own 0-based byte position is cut off.</summary>
    [Fact]
    public void TheLineAndPositionAreSaidOnceAndCountCharacters()
    {
        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse("{\"Version\": \"2012-10-17\",\n  \"Sid\": \"überall\" }, }"));
        Assert.Equal((2L, 21L), (ex.Line, ex.Position)); // the ",": character 21, byte 22 (ü is two bytes)
        Assert.StartsWith("The policy is not valid JSON at line 2, position 21: ", ex.Message);
        Assert.DoesNotContain("LineNumber", ex.Message);
        Assert.DoesNotContain("BytePositionInLine", ex.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "JSON object")]
    [InlineData("{\"Version\":\"2012-10-17\"}", "no Statement")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"s3:*\"}]}", "Statement[0].Effect must be \"Allow\" or \"Deny\"")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\"}]}", "Statement[0] has neither Action nor NotAction")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":\"arn:aws:iam::1:root\"}]}", "Statement[0].Principal must be \"*\"")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{\"a\":1}}]}", "Statement[0].Action must be a string or a list")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"StringEquals\":\"x\"}}]}", "Condition.StringEquals must be an object")]
    public void ShapeErrorsNameTheElement(string json, string expected)
    {
        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse(json));
        Assert.Contains(expected, ex.Message);
    }
}
