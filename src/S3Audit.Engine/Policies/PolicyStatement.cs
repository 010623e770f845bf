using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>One statement of an AWS JSON policy, with every string-or-list member normalised to a list.</summary>
    public sealed class PolicyStatement
    {
        /// <summary>Position in the Statement list (0-based); a single-object Statement is index 0.</summary>
        public int Index { get; internal set; }
        /// <summary>The Sid, or empty.</summary>
        public string Sid { get; internal set; } = string.Empty;
        /// <summary>Allow or Deny.</summary>
        public string Effect { get; internal set; } = string.Empty;
        /// <summary>True for Allow.</summary>
        public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.Ordinal);
        /// <summary>The principal (null when the statement has NotPrincipal or none, as in identity policies).</summary>
        public PolicyPrincipal? Principal { get; internal set; }
        /// <summary>The NotPrincipal, when present.</summary>
        public PolicyPrincipal? NotPrincipal { get; internal set; }
        /// <summary>Action values (empty when NotAction is used).</summary>
        public IReadOnlyList<string> Actions { get; internal set; } = Array.Empty<string>();
        /// <summary>NotAction values.</summary>
        public IReadOnlyList<string> NotActions { get; internal set; } = Array.Empty<string>();
        /// <summary>Resource values.</summary>
        public IReadOnlyList<string> Resources { get; internal set; } = Array.Empty<string>();
        /// <summary>NotResource values.</summary>
        public IReadOnlyList<string> NotResources { get; internal set; } = Array.Empty<string>();
        /// <summary>Conditions: one entry per operator and key.</summary>
        public IReadOnlyList<PolicyCondition> Conditions { get; internal set; } = Array.Empty<PolicyCondition>();
        /// <summary>The statement's JSON as it appeared in the document.</summary>
        public string RawJson { get; internal set; } = string.Empty;

        /// <summary>The Sid, or "Statement[n]" when there is none: how findings name a statement.</summary>
        public string DisplayId => Sid.Length > 0 ? Sid : $"Statement[{Index}]";

        /// <summary>The conditions on a key (case-insensitive, as IAM treats condition keys).</summary>
        public IEnumerable<PolicyCondition> ConditionsOn(string key) =>
            Conditions.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A principal element: "*" or a map of kinds (AWS, Service, Federated, CanonicalUser) to values.</summary>
    public sealed class PolicyPrincipal
    {
        internal PolicyPrincipal(bool isWildcardString, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
        {
            IsWildcardString = isWildcardString;
            Values = values;
        }

        /// <summary>True for the bare string "*".</summary>
        public bool IsWildcardString { get; }
        /// <summary>Values by kind: AWS, Service, Federated, CanonicalUser.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

        /// <summary>The values of one kind (empty when absent).</summary>
        public IReadOnlyList<string> Of(string kind) =>
            Values.TryGetValue(kind, out IReadOnlyList<string>? list) ? list : Array.Empty<string>();

        /// <summary>Every value, each as "Kind:value" ("*" for the bare wildcard).</summary>
        public override string ToString() =>
            IsWildcardString ? "*" : string.Join(", ", Values.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}:{v}")));
    }

    /// <summary>One condition: operator (StringEquals, IpAddress, ...), key and values.</summary>
    public sealed class PolicyCondition
    {
        internal PolicyCondition(string @operator, string key, IReadOnlyList<string> values)
        {
            Operator = @operator;
            Key = key;
            Values = values;
        }

        /// <summary>The operator as written, with any ForAnyValue:/ForAllValues: prefix and IfExists suffix.</summary>
        public string Operator { get; }
        /// <summary>The condition key, e.g. aws:SourceIp.</summary>
        public string Key { get; }
        /// <summary>The values (strings; numbers and booleans as their JSON text).</summary>
        public IReadOnlyList<string> Values { get; }
    }
}
