using System;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// How Enable- and Disable-S3AccessLogging change one source bucket: plan with reads only, ask ShouldProcess with the
    /// plan's preview, then apply. -PassThru writes the result, and a WhatIf row when the change is declined.
    /// </summary>
    internal sealed class PlannedLoggingChange<TPlan> where TPlan : LoggingPlan
    {
        private readonly EngineCmdlet _cmdlet;
        private readonly Func<TPlan, IAuditOutput, CancellationToken, Task<S3AccessLoggingResult?>> _apply;
        private readonly bool _passThru;

        public PlannedLoggingChange(EngineCmdlet cmdlet, Func<TPlan, IAuditOutput, CancellationToken, Task<S3AccessLoggingResult?>> apply, bool passThru)
        {
            _cmdlet = cmdlet;
            _apply = apply;
            _passThru = passThru;
        }

        /// <param name="plan">Works out the change for one source bucket; null after writing an error.</param>
        /// <param name="description">What would change, for -WhatIf; the plan's preview follows it.</param>
        /// <param name="question">The -Confirm question; the plan's preview follows it.</param>
        public void Run(Func<IAuditOutput, CancellationToken, Task<TPlan?>> plan, string description, string question)
        {
            TPlan? planned = null;
            _cmdlet.RunEngine(async (output, token) => planned = await plan(output, token).ConfigureAwait(false));
            if (planned == null)
            {
                return;
            }

            // Nothing to write needs no confirmation; ShouldProcess runs here, on the pipeline thread.
            if (planned.HasChanges && !Confirmed(planned.Preview(), description, question))
            {
                if (_passThru)
                {
                    _cmdlet.WriteObject(planned.Result(S3AccessLoggingAction.WhatIf));
                }

                return;
            }

            TPlan approved = planned;
            _cmdlet.RunEngine(async (output, token) =>
            {
                S3AccessLoggingResult? result = await _apply(approved, output, token).ConfigureAwait(false);
                if (result != null && _passThru)
                {
                    output.WriteObject(result);
                }
            });
        }

        private bool Confirmed(string preview, string description, string question) =>
            _cmdlet.ShouldProcess($"{description}:\n{preview}", $"{question}\n{preview}", _cmdlet.MyInvocation.MyCommand.Name);
    }
}
