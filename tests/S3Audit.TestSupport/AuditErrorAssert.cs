using System.Linq;
using S3Audit.Engine.Pipeline;
using Xunit;

namespace S3Audit.TestSupport
{
    public static class AuditErrorAssert
    {
        /// <summary>Exactly one error with this id and target, whose message names the target.</summary>
        public static void Single(CollectingOutput output, string errorId, string target)
        {
            var matches = output.Errors.Where(e => e.ErrorId == errorId && Equals(e.Target, target)).ToList();
            Assert.True(matches.Count == 1, $"Expected one {errorId} for '{target}'; got: {string.Join(" | ", output.Errors.Select(e => e.ErrorId + " " + e.Target + ": " + e.Message))}");
        }
    }
}
