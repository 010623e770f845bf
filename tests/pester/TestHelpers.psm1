# Shared by the Pester suites: import the built module and connect to a test endpoint from the environment.

function Get-S3AuditManifestPath {
    Join-Path $PSScriptRoot '../../out/S3Audit/S3Audit.psd1'
}

function Import-S3AuditModule {
    $module = Get-S3AuditManifestPath
    if (-not (Test-Path $module)) { throw "Build first (dotnet build -c Release): $module is missing." }
    # -Global: called from this module, a plain Import-Module would load S3Audit into this module's session state,
    # where the test scripts cannot see its cmdlets.
    Import-Module $module -Force -Global -ErrorAction Stop
}

# Tests tagged 'Server' need S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY (tests/run-tests.sh exports them with the
# other S3_* settings of the RGW it starts). Where a Server test runs without them, it fails with the reason: never a skip.
function Assert-S3TestServer {
    if (-not ($env:S3_ENDPOINT -and $env:S3_ACCESS_KEY -and $env:S3_SECRET_KEY)) {
        throw 'The test S3 server is not available: S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY are not set. Run bash tests/run-tests.sh, or start tests/server/s3-ceph.sh and export its s3.env; exclude the Server tag to run without a server.'
    }
}

# Splat into any S3Audit cmdlet: the test server as the plain user "test".
function Get-S3TestConnection {
    Assert-S3TestServer
    @{
        EndpointUrl = $env:S3_ENDPOINT
        AccessKey   = $env:S3_ACCESS_KEY
        SecretKey   = (ConvertTo-SecureString $env:S3_SECRET_KEY -AsPlainText -Force)
        Region      = 'us-east-1'
        Provider    = 'Ceph'
    }
}

# Runs a command line and keeps everything it wrote, also when it ends with a terminating error: its output, every error
# (give the command -ErrorAction Continue: Pester runs tests with ErrorActionPreference Stop)
# (the terminating one last), its warnings, and the elapsed time (measured and reported, never asserted as a timing).
function Invoke-Counted([scriptblock] $ScriptBlock) {
    $collected = [System.Collections.Generic.List[object]]::new()
    $terminating = $null
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try { & $ScriptBlock 2>&1 3>&1 | ForEach-Object { $collected.Add($_) } } catch { $terminating = $_ }
    $watch.Stop()
    $errors = @($collected | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    if ($terminating) { $errors += $terminating }
    [pscustomobject]@{
        Output      = @($collected | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
        Errors      = $errors
        Warnings    = @($collected | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        Terminating = $terminating
        Seconds     = $watch.Elapsed.TotalSeconds
    }
}

# A TCP port on 127.0.0.1 where nothing listens (connections are refused).
function Get-RefusedPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $port
}

# Runs a script in a fresh PowerShell process of this edition (a binary module cannot be unloaded, so what must
# start clean runs there) and returns its output lines; a non-zero exit code throws with the output.
# Under the .NET tool the process is dotnet and pwsh.dll its first argument.
function Invoke-ChildPowerShell {
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{}
    )
    $process = (Get-Process -Id $PID).Path
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $arguments += [Environment]::GetCommandLineArgs()[0] }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command))
    $arguments += '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try { $output = & $process @arguments 2>&1 | ForEach-Object { "$_" } }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    if ($LASTEXITCODE -ne 0) { throw "The child PowerShell exited with $LASTEXITCODE`n$($output -join "`n")" }
    $output
}

Export-ModuleMember -Function Get-S3AuditManifestPath, Import-S3AuditModule, Assert-S3TestServer, Get-S3TestConnection, Invoke-ChildPowerShell, Invoke-Counted, Get-RefusedPort
