using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Completion;

namespace S3Audit.Commands.Completion
{
    /// <summary>Tab completion of -Region: Exoscale zones or AWS regions, as the provider or endpoint typed so far says.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ConnectionParameters typed = ConnectionParameters.FromBound(fakeBoundParameters);
            return RegionCompletion.Complete(CompletionText.Unquote(wordToComplete), typed.Provider, typed.EndpointUrl)
                .Select(region => CompletionText.Result(region.Name, region.Description));
        }
    }
}
