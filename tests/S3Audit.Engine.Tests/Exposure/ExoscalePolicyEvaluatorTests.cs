using S3Audit.Engine.Exposure;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Exposure;

/// <summary>Exoscale's own bucket-policy language: an allow without a source-IP or identity restriction is public.</summary>
public class ExoscalePolicyEvaluatorTests
{
    private static string Rules(params (string Action, string Expression)[] rules) =>
        "{\"default-service-strategy\":\"deny\",\"services\":{\"sos\":{\"type\":\"rules\",\"rules\":[" +
        string.Join(",", rules.Select(r => "{\"action\":\"" + r.Action + "\",\"expression\":\"" + r.Expression.Replace("\"", "\\\"") + "\"}")) + "]}}}";

    [Theory]
    [InlineData("source_ip.inIpRange('89.145.160.0/24') || source_ip.inIpRange('2a04:c46::/32')", false)]
    [InlineData("identity.key == 'EXO1234567890abcdef'", false)]
    [InlineData("true", true)]
    [InlineData("identity.key != null", true)]
    [InlineData("operation == 'get-object'", true)]
    [InlineData("source_ip.inIpRange('89.145.160.0/24') || operation == 'get-object'", true)]
    [InlineData("!source_ip.inIpRange('89.145.160.0/24')", true)]
    [InlineData("(source_ip.inIpRange('89.145.160.0/24') && operation == 'get-object')", false)]
    [InlineData("source_ip.inIpRange('0.0.0.0/0')", true)]
    [InlineData("source_ip.inIpRange('10.0.0.0/8')", false)]
    [InlineData("source_ip.inIpRange('2a04:c46::/31')", true)]
    public void AllowRulesArePublicWithoutSourceIpOrIdentity(string expression, bool expected)
    {
        PolicyEvaluation result = ExoscalePolicyEvaluator.Evaluate(Rules(("allow", expression)));
        Assert.Equal(expected, result.IsPublic);
    }

    [Fact]
    public void ReadOnlyOperationsAreClassified()
    {
        PolicyEvaluation result = ExoscalePolicyEvaluator.Evaluate(Rules(("allow", "operation in ['get-object', 'list-objects']")));
        Assert.Equal(PublicAccess.Read | PublicAccess.List, result.PublicAccess);
    }

    [Fact]
    public void DenyRulesAreReadAndAnUnconditionalDenyHidesLaterRules()
    {
        PolicyEvaluation result = ExoscalePolicyEvaluator.Evaluate(Rules(("deny", "true"), ("allow", "true")));
        Assert.False(result.IsPublic);
        Assert.Contains("Never reached", result.Statements[1].Why);

        PolicyEvaluation conditional = ExoscalePolicyEvaluator.Evaluate(Rules(("deny", "operation == 'delete-object'"), ("allow", "true")));
        Assert.True(conditional.IsPublic);
        Assert.Contains("Deny rule", conditional.Statements[0].Why);
    }

    [Theory]
    [InlineData("{\"default-service-strategy\":\"allow\",\"services\":{}}", true)]
    [InlineData("{\"default-service-strategy\":\"deny\",\"services\":{}}", false)]
    [InlineData("{\"default-service-strategy\":\"deny\",\"services\":{\"sos\":{\"type\":\"allow\"}}}", true)]
    [InlineData("{\"default-service-strategy\":\"allow\",\"services\":{\"sos\":{\"type\":\"deny\"}}}", false)]
    public void ServiceTypesAndDefaultStrategy(string json, bool expected)
    {
        Assert.Equal(expected, ExoscalePolicyEvaluator.Evaluate(json).IsPublic);
    }

    [Fact]
    public void InvalidJsonNamesThePosition()
    {
        var e = Assert.Throws<PolicyParseException>(() => ExoscalePolicyEvaluator.Evaluate("{\"services\": {\n \"sos\": [}"));
        Assert.Equal(2, e.Line);
    }
}
