using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// What a set of identity policies grants on S3, in a few words: the S3 actions and buckets of the Allow
    /// statements, with flags for s3:* (full S3), *:* (full admin), Resource "*", NotAction and public principals.
    /// Deny statements and conditions are not subtracted, so the summary is an upper bound.
    /// </summary>
    public sealed class PolicyAccessSummary
    {
        private const int ShownActions = 6;
        private readonly SortedSet<string> _actions = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly SortedSet<string> _buckets = new SortedSet<string>(StringComparer.Ordinal);
        private readonly List<string> _unreadable = new List<string>();

        /// <summary>Some Allow statement grants s3:* or every action.</summary>
        public bool FullS3 { get; private set; }
        /// <summary>Some Allow statement grants every action ("*" or "*:*") on Resource "*".</summary>
        public bool FullAdmin { get; private set; }
        /// <summary>Some Allow statement with an S3 action has Resource "*".</summary>
        public bool ResourceStar { get; private set; }
        /// <summary>Some Allow statement uses NotAction (grants everything not listed).</summary>
        public bool NotAction { get; private set; }
        /// <summary>Some Allow statement names a public principal.</summary>
        public bool PublicPrincipal { get; private set; }

        /// <summary>Adds a policy's Allow statements.</summary>
        public void Add(PolicyDocument policy)
        {
            foreach (PolicyStatement statement in policy.Statements.Where(s => s.IsAllow))
            {
                PublicPrincipal |= PrincipalFacts.IsPublic(statement.Principal);
                bool resourceStar = statement.Resources.Any(r => r == "*");
                if (statement.NotActions.Count > 0)
                {
                    NotAction = true;
                    ResourceStar |= resourceStar;
                    AddBuckets(statement);
                    continue;
                }

                foreach (string action in statement.Actions)
                {
                    bool everything = action == "*" || action == "*:*";
                    bool s3 = action.StartsWith("s3:", StringComparison.OrdinalIgnoreCase);
                    if (!everything && !s3)
                    {
                        continue;
                    }

                    _actions.Add(everything ? "*" : action);
                    FullS3 |= everything || string.Equals(action, "s3:*", StringComparison.OrdinalIgnoreCase);
                    FullAdmin |= everything && resourceStar;
                    ResourceStar |= resourceStar;
                    AddBuckets(statement);
                }
            }
        }

        /// <summary>Records a policy that could not be read (shown in the summary, so nothing passes silently).</summary>
        public void AddUnreadable(string policyName) => _unreadable.Add(policyName);

        /// <summary>e.g. "s3:GetObject, s3:ListBucket on logs [s3:*] [Resource *]", or "none".</summary>
        public override string ToString()
        {
            var parts = new List<string>();
            if (_actions.Count > 0)
            {
                string actions = string.Join(", ", _actions.Take(ShownActions)) + (_actions.Count > ShownActions ? $" +{_actions.Count - ShownActions} more" : string.Empty);
                parts.Add(_buckets.Count > 0 ? $"{actions} on {string.Join(", ", _buckets)}" : actions);
            }
            else if (!NotAction)
            {
                parts.Add("none");
            }

            if (FullAdmin) parts.Add("[*:*]");
            if (FullS3) parts.Add("[s3:*]");
            if (ResourceStar) parts.Add("[Resource *]");
            if (NotAction) parts.Add("[NotAction]");
            if (PublicPrincipal) parts.Add("[public principal]");
            if (_unreadable.Count > 0) parts.Add("[unread: " + string.Join(", ", _unreadable) + "]");
            return string.Join(" ", parts);
        }

        private void AddBuckets(PolicyStatement statement)
        {
            foreach (string resource in statement.Resources)
            {
                if (resource == "*")
                {
                    _buckets.Add("*");
                }
                else if (resource.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
                {
                    string rest = resource.Substring("arn:aws:s3:::".Length);
                    int slash = rest.IndexOf('/');
                    _buckets.Add(slash >= 0 ? rest.Substring(0, slash) : rest);
                }
            }
        }
    }
}
