using System.Collections.Generic;
using S3Audit.Engine.Audit.Checks;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Collects the findings (and log activity) checks report from parallel work.</summary>
    internal sealed class FindingCollector : IFindingSink
    {
        private readonly List<S3AuditFinding> _findings = new List<S3AuditFinding>();
        private readonly List<S3AuditLogActivity> _activity = new List<S3AuditLogActivity>();

        public void Add(S3AuditFinding finding)
        {
            lock (_findings)
            {
                _findings.Add(finding);
            }
        }

        public void AddActivity(S3AuditLogActivity activity)
        {
            lock (_activity)
            {
                _activity.Add(activity);
            }
        }

        /// <summary>Everything added; read once every check has finished.</summary>
        public IReadOnlyList<S3AuditFinding> Findings => _findings;

        /// <summary>The log activity the checks reported; read once every check has finished.</summary>
        public IReadOnlyList<S3AuditLogActivity> Activity => _activity;
    }
}
