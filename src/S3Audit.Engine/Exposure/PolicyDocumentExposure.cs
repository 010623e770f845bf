using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// Judges a draft bucket policy without calling S3 (Test-S3PublicExposure -PolicyDocument / -PolicyPath), so a
    /// deployment pipeline can refuse a public policy before it is applied. No Block Public Access is assumed: a
    /// public statement is Public.
    /// </summary>
    public static class PolicyDocumentExposure
    {
        /// <summary>
        /// The exposure of <paramref name="policyJson"/> under <paramref name="provider"/>'s semantics (Exoscale's
        /// policy language for Exoscale, AWS's rules otherwise). Invalid JSON throws <c>PolicyParseException</c>.
        /// </summary>
        public static ExposureReport Evaluate(string policyJson, S3Provider provider = S3Provider.Aws, string bucketName = "")
        {
            // Nothing here waits: the document is parsed in place, so the task is complete when it returns.
            PolicyEvaluation evaluation = ExposureAuditor.EvaluatePolicyAsync(provider, policyJson, () => Task.FromResult(PolicyDocument.Parse(policyJson))).GetAwaiter().GetResult();
            var none = Readout<PublicAccessBlockFlags>.NotSupported("An offline policy check assumes no Block Public Access.");
            var block = new EffectivePublicAccessBlock(none, none);
            var causes = new List<Cause>();
            ExposureAuditor.AddPolicyCauses(bucketName, provider, evaluation, ExposureMask.ForPolicy(block), causes);
            S3ExposureResult result = ExposureVerdict.Build(bucketName, provider, causes, new[] { "Offline check of a policy document: ACLs and Block Public Access were not read." },
                null, evaluation.IsPublic, null);
            return new ExposureReport(result, causes.Select(c => c.Finding).ToList(), block);
        }
    }
}
