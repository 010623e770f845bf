using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Lyve;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// What Get-S3AuditLogEntry, Measure-S3AuditLog and Export-S3AuditLog share: where the logs are (-Path, -BucketName/-Prefix, the
    /// recorded Lyve target) and the filters the engine applies before any entry object exists.
    /// </summary>
    public abstract class AuditLogCmdlet : S3AuditCmdlet
    {
        internal const string PathSet = "Path";
        internal const string BucketSet = "Bucket";
        internal const string LyveSet = "LyveTarget";

        private readonly List<string> _paths = new List<string>();

        /// <summary>Log files or folders (read recursively); wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>The bucket holding the log objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BucketSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = LyveSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string? BucketName { get; set; }

        /// <summary>The key prefix of the log objects.</summary>
        [Parameter(ParameterSetName = BucketSet)]
        public string? Prefix { get; set; }

        /// <summary>Read the Lyve audit-log target recorded by Set-LyveAuditTarget.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LyveSet)]
        public SwitchParameter LyveTarget { get; set; }

        /// <summary>The log format; detected per file when omitted.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public S3AuditLogFormat Format { get; set; } = S3AuditLogFormat.Auto;

        /// <summary>Entries at or after this time.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public DateTime? StartTime { get; set; }

        /// <summary>Entries at or before this time.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public DateTime? EndTime { get; set; }

        /// <summary>Operations (API names or raw), wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Operation { get; set; }

        /// <summary>Object keys, wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Key { get; set; }

        /// <summary>Requesters or access key ids, wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Requester { get; set; }

        /// <summary>Client addresses or CIDR blocks.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public string[]? RemoteIp { get; set; }

        /// <summary>HTTP statuses.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public int[]? HttpStatus { get; set; }

        /// <summary>Only failed requests (HTTP 4xx/5xx or an error code).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public SwitchParameter ErrorsOnly { get; set; }

        /// <summary>Keep entries delivered more than once (removed by request id by default).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public SwitchParameter KeepDuplicates { get; set; }

        /// <summary>Log objects downloaded at once; local files are read one after another.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [ValidateRange(1, 64)]
        [PSDefaultValue(Value = 16)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>How far log object key times may lie outside -StartTime/-EndTime (delivery delay); default 2 hours.</summary>
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [PSDefaultValue(Value = "02:00:00", Help = "2 hours (02:00:00)")]
        public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(2);

        /// <summary>Whether entries carry the masked raw record.</summary>
        internal abstract bool IncludeRawRecords { get; }

        /// <summary>Where entries go; null writes them to the pipeline.</summary>
        internal virtual Action<S3AuditLogEntry>? EntrySink => null;

        /// <summary>Pipeline input of a set that reads no logs itself.</summary>
        internal virtual void ProcessInputObject()
        {
        }

        /// <summary>After all input and all reading.</summary>
        internal virtual void EndOfInput()
        {
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    CollectPaths(); // read once in EndProcessing, with every path piped in
                    break;
                case BucketSet:
                case LyveSet:
                    ReadLogs();
                    break;
                default:
                    ProcessInputObject();
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (ParameterSetName == PathSet)
            {
                ReadLogs();
            }

            EndOfInput();
        }

        /// <summary>Reads what <paramref name="request"/> names into <see cref="EntrySink"/> (or the pipeline).</summary>
        internal virtual void Read(LogReadRequest request)
        {
            var reader = new LogEntryReader(request.BucketName == null ? null : Session);
            Action<S3AuditLogEntry>? sink = EntrySink;
            RunEngine((output, token) => reader.RunAsync(request, sink ?? output.WriteObject, output, token));
        }

        private void ReadLogs()
        {
            LogReadRequest? request = BuildRequest();
            if (request != null)
            {
                Read(request);
            }
        }

        /// <summary>Collects -Path values (resolved, wildcards expanded) over all pipeline input.</summary>
        private void CollectPaths()
        {
            foreach (string path in Path ?? new string[0])
            {
                try
                {
                    _paths.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo _));
                }
                catch (ItemNotFoundException e)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.LogPathNotFound, ErrorCategory.ObjectNotFound, path));
                }
            }
        }

        /// <summary>The engine request for the bound parameters; null (after an error) when there is nothing to read.</summary>
        private LogReadRequest? BuildRequest()
        {
            var filter = new LogFilter
            {
                StartTime = Utc(StartTime),
                EndTime = Utc(EndTime),
                Operation = Operation?.ToList() ?? new List<string>(),
                Key = Key?.ToList() ?? new List<string>(),
                Requester = Requester?.ToList() ?? new List<string>(),
                RemoteIp = RemoteIp?.ToList() ?? new List<string>(),
                HttpStatus = HttpStatus?.ToList() ?? new List<int>(),
                ErrorsOnly = ErrorsOnly.IsPresent,
            };
            try
            {
                filter.Compile();
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, RemoteIp));
            }

            var request = new LogReadRequest
            {
                Options = new LogReadOptions { Format = Format, Filter = filter, IncludeRaw = IncludeRawRecords },
                KeepDuplicates = KeepDuplicates.IsPresent,
                ThrottleLimit = ThrottleLimit,
                LookBack = LookBack,
            };

            if (ParameterSetName == PathSet)
            {
                if (_paths.Count == 0)
                {
                    return null;
                }

                request.Paths = _paths.ToList();
                return request;
            }

            if (ParameterSetName == LyveSet)
            {
                LyveTargetRecord? target = FindLyveTarget();
                if (target == null)
                {
                    return null;
                }

                request.BucketName = target.BucketName;
                return request;
            }

            request.BucketName = BucketName;
            request.Prefix = Prefix;
            return request;
        }

        private LyveTargetRecord? FindLyveTarget()
        {
            LyveTargetRecord? target = LyveLogTarget.Find(new LyveTargetStore(), BucketName, EndpointUrl, out string error);
            if (target == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(error), ErrorIds.LyveTargetNotRecorded, ErrorCategory.ObjectNotFound, BucketName));
                return null;
            }

            // The recorded endpoint and region unless the user said otherwise.
            EndpointUrl ??= target.EndpointUrl;
            if (string.IsNullOrEmpty(Region) && !string.IsNullOrEmpty(target.Region))
            {
                Region = target.Region;
            }

            Provider ??= S3Provider.Lyve;
            WriteVerbose($"Reading the recorded Lyve audit target {target.BucketName} on {target.EndpointUrl}.");
            return target;
        }

        private static DateTimeOffset? Utc(DateTime? time)
        {
            // ToUniversalTime reads an Unspecified time as local, as PowerShell means it.
            return time.HasValue ? new DateTimeOffset(time.Value.ToUniversalTime(), TimeSpan.Zero) : (DateTimeOffset?)null;
        }
    }
}
