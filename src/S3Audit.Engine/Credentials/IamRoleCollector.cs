using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>Roles worth a row: those anyone can assume, or whose policies grant full S3, full admin or NotAction.</summary>
    internal sealed class IamRoleCollector
    {
        private readonly IamQueryClient _iam;
        private readonly IamPolicyCollector _policies;
        private readonly IAuditOutput _output;

        public IamRoleCollector(IamQueryClient iam, IamPolicyCollector policies, IAuditOutput output)
        {
            _iam = iam;
            _policies = policies;
            _output = output;
        }

        public async Task<IReadOnlyList<IdentityFacts>> CollectAsync(CancellationToken cancellationToken)
        {
            var flagged = new List<IdentityFacts>();
            IReadOnlyList<XElement> roles;
            try
            {
                roles = await _iam.ListAsync("ListRoles", null, "Roles", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !S3ErrorClassifier.EndsRun(e))
            {
                _output.WriteError(S3ErrorClassifier.ClassifyEntity(e, "ListRoles", "the IAM roles", _iam.Endpoint.ToString(), "IamRole"));
                return flagged;
            }

            _output.WriteVerbose($"ListRoles answered with {roles.Count} role(s).");
            foreach (XElement role in roles)
            {
                var facts = new IdentityFacts { IdentityType = "Role", UserName = role.Text("RoleName"), Arn = role.Text("Arn"), Created = role.Date("CreateDate"), Source = "IamApi" };
                try
                {
                    facts.AnyoneCanAssume = TrustPolicyCheck.AnyoneCanAssume(PolicyDocument.Parse(IamXml.PolicyText(role.Text("AssumeRolePolicyDocument"))));
                }
                catch (PolicyParseException e)
                {
                    _output.WriteError(new AuditError("IamPolicyInvalid", AuditErrorKind.InvalidData, $"The trust policy of role '{facts.UserName}' could not be parsed: {e.Message}", facts.UserName, e));
                }

                try
                {
                    await _policies.AddAsync(facts, "Role", cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException) && !S3ErrorClassifier.EndsRun(e))
                {
                    _output.WriteError(S3ErrorClassifier.ClassifyEntity(e, "ListRolePolicies", $"IAM role '{facts.UserName}'", facts.UserName, "IamRole"));
                }

                if (facts.AnyoneCanAssume || facts.Access.FullS3 || facts.Access.FullAdmin || facts.Access.NotAction)
                {
                    flagged.Add(facts);
                }
            }

            return flagged;
        }
    }
}
