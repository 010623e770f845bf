using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// Adds the inline and attached policies of a user, group or role (and a user's groups' policies) to the
    /// identity's access summary. A policy that cannot be read is reported as an error and shown as unread.
    /// </summary>
    internal sealed class IamPolicyCollector
    {
        private readonly IamQueryClient _iam;
        private readonly ManagedPolicyResolver _managed;
        private readonly IAuditOutput _output;
        private readonly ConcurrentDictionary<string, Lazy<Task<List<(string Name, PolicyDocument? Document)>>>> _groups =
            new ConcurrentDictionary<string, Lazy<Task<List<(string, PolicyDocument?)>>>>(StringComparer.Ordinal);

        public IamPolicyCollector(IamQueryClient iam, IAuditOutput output)
        {
            _iam = iam;
            _output = output;
            _managed = new ManagedPolicyResolver(iam);
        }

        /// <summary>Entity kinds as IAM's action names spell them: User, Group, Role.</summary>
        public async Task AddAsync(IdentityFacts identity, string kind, CancellationToken cancellationToken)
        {
            foreach ((string name, PolicyDocument? document) in await ReadAsync(kind, identity.UserName, cancellationToken).ConfigureAwait(false))
            {
                Add(identity, name, document);
            }
        }

        /// <summary>The user's groups and their policies.</summary>
        public async Task AddGroupsAsync(IdentityFacts user, CancellationToken cancellationToken)
        {
            IReadOnlyList<XElement> groups = await _iam.ListAsync("ListGroupsForUser", IamQueryClient.With("UserName", user.UserName), "Groups", cancellationToken).ConfigureAwait(false);
            foreach (string group in groups.Select(g => g.Text("GroupName")).OrderBy(g => g, StringComparer.Ordinal))
            {
                user.Groups.Add(group);
                var policies = await _groups.GetOrAdd(group, g => new Lazy<Task<List<(string, PolicyDocument?)>>>(() => ReadAsync("Group", g, cancellationToken))).Value.ConfigureAwait(false);
                foreach ((string name, PolicyDocument? document) in policies)
                {
                    Add(user, $"{group}/{name}", document);
                }
            }
        }

        private static void Add(IdentityFacts identity, string name, PolicyDocument? document)
        {
            if (document == null)
            {
                identity.Access.AddUnreadable(name);
            }
            else
            {
                identity.Access.Add(document);
            }
        }

        private async Task<List<(string Name, PolicyDocument? Document)>> ReadAsync(string kind, string entity, CancellationToken cancellationToken)
        {
            var result = new List<(string, PolicyDocument?)>();
            string nameParameter = kind + "Name";
            IDictionary<string, string> who = IamQueryClient.With(nameParameter, entity);

            IReadOnlyList<XElement> inline = await _iam.ListAsync($"List{kind}Policies", who, "PolicyNames", cancellationToken).ConfigureAwait(false);
            foreach (string policyName in inline.Select(m => m.Value.Trim()))
            {
                PolicyDocument? document = await TryAsync($"Get{kind}Policy", entity, policyName, async () =>
                {
                    XElement policy = await _iam.CallAsync($"Get{kind}Policy", new Dictionary<string, string> { [nameParameter] = entity, ["PolicyName"] = policyName }, cancellationToken).ConfigureAwait(false);
                    return PolicyDocument.Parse(IamXml.PolicyText(policy.Text("PolicyDocument")));
                }).ConfigureAwait(false);
                result.Add((policyName, document));
            }

            IReadOnlyList<XElement> attached = await _iam.ListAsync($"ListAttached{kind}Policies", who, "AttachedPolicies", cancellationToken).ConfigureAwait(false);
            foreach (XElement policy in attached)
            {
                string arn = policy.Text("PolicyArn");
                PolicyDocument? document = await TryAsync("GetPolicyVersion", entity, arn, () => _managed.GetAsync(arn, cancellationToken)).ConfigureAwait(false);
                result.Add((policy.Text("PolicyName"), document));
            }

            return result;
        }

        private async Task<PolicyDocument?> TryAsync(string operation, string entity, string policy, Func<Task<PolicyDocument>> read)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (PolicyParseException e)
            {
                _output.WriteError(new AuditError("IamPolicyInvalid", AuditErrorKind.InvalidData, $"Policy '{policy}' of '{entity}' could not be parsed: {e.Message}", entity, e));
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !S3ErrorClassifier.EndsRun(e))
            {
                _output.WriteError(S3ErrorClassifier.ClassifyEntity(e, operation, $"policy '{policy}' of '{entity}'", entity, "IamPolicy"));
            }

            return null;
        }
    }
}
