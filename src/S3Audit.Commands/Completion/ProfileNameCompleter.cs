using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Completion;

namespace S3Audit.Commands.Completion
{
    /// <summary>Tab completion of -ProfileName: the profiles of the shared credentials and config files, or of -ProfileLocation.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? location = ConnectionParameters.FromBound(fakeBoundParameters).ProfileLocation;
            return ProfileNameCompletion.Complete(CompletionText.Unquote(wordToComplete), location)
                .Select(name => CompletionText.Result(name, "profile " + name));
        }
    }
}
