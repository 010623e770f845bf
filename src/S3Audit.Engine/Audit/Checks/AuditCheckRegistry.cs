using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The check implementations this build has, by configuration name. A name from <see cref="AuditCheckNames"/>
    /// with no implementation here is reported by the run as "not available in this build" (Unknown), never passed.
    /// </summary>
    public sealed class AuditCheckRegistry
    {
        private readonly Dictionary<string, IAuditCheck> _checks = new Dictionary<string, IAuditCheck>(StringComparer.Ordinal);

        /// <summary>The registry with every check this build implements.</summary>
        public static AuditCheckRegistry CreateDefault()
        {
            var registry = new AuditCheckRegistry();
            registry.Register(new ExposureCheck());
            registry.Register(PostureCheck.Posture());
            registry.Register(PostureCheck.Logging());
            registry.Register(new CredentialsCheck());
            registry.Register(new LogAnomaliesCheck());
            return registry;
        }

        /// <summary>Adds a check, or replaces the one registered under the same name.</summary>
        public void Register(IAuditCheck check)
        {
            if (!AuditCheckNames.All.Contains(check.Name))
            {
                throw new ArgumentException($"'{check.Name}' is not a check name the configuration accepts ({string.Join(", ", AuditCheckNames.All)}).", nameof(check));
            }

            _checks[check.Name] = check;
        }

        /// <summary>The implementation of a check, when this build has one.</summary>
        public bool TryGet(string name, out IAuditCheck check) => _checks.TryGetValue(name, out check!);
    }
}
