using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Lyve;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// What Get-S3AuditLogEntry, Measure-S3AuditLog and Export-S3AuditLog share: where the logs are (-Path or -LiteralPath,
    /// -BucketName/-Prefix, the recorded Lyve target) and the filters the engine applies before any entry object exists.
    /// </summary>
    public abstract class AuditLogCmdlet : S3AuditCmdlet
    {
        internal const string PathSet = "Path";
        internal const string LiteralPathSet = "LiteralPath";
        internal const string BucketSet = "Bucket";
        internal const string LyveSet = "LyveTarget";

        private readonly List<string> _paths = new List<string>();

        /// <summary>Log files or folders (read recursively); wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>
        /// Log files or folders taken exactly as written (no wildcards), so names such as lit[1] work; Get-ChildItem
        /// output binds here by its PSPath (or FullName).
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

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
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public S3AuditLogFormat Format { get; set; } = S3AuditLogFormat.Auto;

        /// <summary>Entries at or after this time.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public DateTime? StartTime { get; set; }

        /// <summary>Entries at or before this time.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public DateTime? EndTime { get; set; }

        /// <summary>Operations (API names or raw), wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Operation { get; set; }

        /// <summary>Object keys, wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Key { get; set; }

        /// <summary>Requesters or access key ids, wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        [SupportsWildcards]
        public string[]? Requester { get; set; }

        /// <summary>Client addresses or CIDR blocks.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public string[]? RemoteIp { get; set; }

        /// <summary>HTTP statuses.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public int[]? HttpStatus { get; set; }

        /// <summary>Only failed requests (HTTP 4xx/5xx or an error code).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public SwitchParameter ErrorsOnly { get; set; }

        /// <summary>Keep entries delivered more than once (removed by request id by default).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Parameter(ParameterSetName = BucketSet)]
        [Parameter(ParameterSetName = LyveSet)]
        public SwitchParameter KeepDuplicates { get; set; }

        /// <summary>Log objects downloaded at once; local files are read one after another.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
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
                case LiteralPathSet:
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
            if (ReadsFiles)
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

        private bool ReadsFiles => ParameterSetName == PathSet || ParameterSetName == LiteralPathSet;

        /// <summary>Collects -Path (wildcards expanded) or -LiteralPath values, as file-system paths, over all pipeline input.</summary>
        private void CollectPaths()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string path in (literal ? LiteralPath : Path) ?? new string[0])
            {
                try
                {
                    if (literal)
                    {
                        // A missing file is reported by the engine, in the order the files are read.
                        AddFileSystemPath(path, SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out PSDriveInfo _), provider);
                        continue;
                    }

                    Collection<string> matches = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo found);
                    if (matches.Count == 0)
                    {
                        AddUnmatchedPattern(path);
                        continue;
                    }

                    foreach (string match in matches)
                    {
                        AddFileSystemPath(path, match, found);
                    }
                }
                catch (Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.LogPathNotFound, ErrorCategory.ObjectNotFound, path));
                }
            }
        }

        private void AddFileSystemPath(string given, string resolved, ProviderInfo provider)
        {
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                WriteError(new ErrorRecord(new ArgumentException($"'{given}' is a {provider.Name} path; logs are read from files and folders."), ErrorIds.LogPathNotFound, ErrorCategory.InvalidArgument, given));
                return;
            }

            _paths.Add(resolved);
        }

        /// <summary>
        /// A -Path pattern that matched nothing. Brackets are wildcard characters in -Path, but also part of real names
        /// (lit[1], often piped from Resolve-Path): a file of exactly that name is read; otherwise it is an error.
        /// </summary>
        private void AddUnmatchedPattern(string path)
        {
            string literalPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out PSDriveInfo _);
            if (System.IO.File.Exists(literalPath) || System.IO.Directory.Exists(literalPath))
            {
                WriteVerbose($"No name matches the pattern '{path}'; reading the file of exactly that name (-LiteralPath says so explicitly).");
                AddFileSystemPath(path, literalPath, provider);
                return;
            }

            WriteError(new ErrorRecord(new ItemNotFoundException($"No log file matches the path '{path}'."), ErrorIds.LogPathNotFound, ErrorCategory.ObjectNotFound, path));
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
                // -StartTime after -EndTime, or a bad -RemoteIp: nothing can be read as asked.
                ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, null));
            }

            var request = new LogReadRequest
            {
                Options = new LogReadOptions { Format = Format, Filter = filter, IncludeRaw = IncludeRawRecords },
                KeepDuplicates = KeepDuplicates.IsPresent,
                ThrottleLimit = ThrottleLimit,
                LookBack = LookBack,
            };

            if (ReadsFiles)
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
