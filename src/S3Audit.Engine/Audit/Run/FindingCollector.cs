using System.Collections.Generic;
using S3Audit.Engine.Audit.Checks;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Collects the findings checks report from parallel work.</summary>
    internal sealed class FindingCollector : IFindingSink
    {
        private readonly List<S3AuditFinding> _findings = new List<S3AuditFinding>();

        public void Add(S3AuditFinding finding)
        {
            lock (_findings)
            {
                _findings.Add(finding);
            }
        }

        /// <summary>Everything added; read once every check has finished.</summary>
        public IReadOnlyList<S3AuditFinding> Findings => _findings;
    }
}
