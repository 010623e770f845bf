using System.IO;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.IO;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>Writes a commented starter audit profile for Invoke-S3Audit. Never replaces an existing file without -Force.</summary>
    [Cmdlet(VerbsCommon.New, "S3AuditConfig", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class NewS3AuditConfigCommand : PSCmdlet
    {
        /// <summary>Where to write the file.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The provider of the example target.</summary>
        [Parameter(Position = 1)]
        public S3Provider Provider { get; set; } = S3Provider.Aws;

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string path = GetUnresolvedProviderPathFromPSPath(Path);
            bool exists = File.Exists(path);
            if (exists && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"'{path}' already exists. Use -Force to replace it."), ErrorIds.ConfigFileExists, ErrorCategory.ResourceExists, path));
                return;
            }

            if (ShouldProcess(path, exists ? "Replace with a starter audit configuration" : "Create a starter audit configuration"))
            {
                AtomicFile.WriteAllText(path, AuditConfigTemplate.Render(Provider));
                // Through the provider, as Get-Item gives it: with PSPath and PSParentPath, so the file-system view shows
                // its directory, mode and size (a bare FileInfo shows them blank).
                WriteObject(InvokeProvider.Item.Get(new[] { path }, force: true, literalPath: true), enumerateCollection: true);
            }
        }
    }
}
