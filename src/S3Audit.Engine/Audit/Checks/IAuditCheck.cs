using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// One check of Invoke-S3Audit, registered by its configuration name in <see cref="AuditCheckRegistry"/>.
    /// An implementation audits <see cref="AuditCheckContext.Buckets"/> of one target with
    /// <see cref="AuditCheckContext.Session"/> and reports what it finds with <see cref="AuditCheckContext.Fail"/> or
    /// <see cref="AuditCheckContext.Unknown"/>. A bucket it cannot read is an error on <see cref="AuditCheckContext.Output"/>
    /// (the target then counts as incomplete) AND an Unknown finding, never a silent pass. Compliant buckets produce
    /// nothing. Implementations are stateless: one instance serves every target.
    /// </summary>
    public interface IAuditCheck
    {
        /// <summary>The name in the configuration file (see <see cref="AuditCheckNames"/>).</summary>
        string Name { get; }

        /// <summary>Audits one target.</summary>
        Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken);
    }
}
