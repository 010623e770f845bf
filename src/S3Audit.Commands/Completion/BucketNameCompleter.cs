using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Completion;

namespace S3Audit.Commands.Completion
{
    /// <summary>
    /// Tab completion of -BucketName (and -TargetBucketName): the buckets the connection typed so far on the command
    /// line can list, when they can be listed within a few seconds; nothing otherwise.
    /// </summary>
    public sealed class BucketNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = CompletionText.Unquote(wordToComplete);
            var options = S3AuditCmdlet.ConnectionOptions(ConnectionParameters.FromBound(fakeBoundParameters));
            return BucketNameCompletion.Complete(prefix, options).Select(name => CompletionText.Result(name, "bucket " + name));
        }
    }
}
