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

function Test-S3Endpoint {
    # Tests tagged 'Server' need S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY (tests/run-tests.sh writes them).
    return [bool]($env:S3_ENDPOINT -and $env:S3_ACCESS_KEY -and $env:S3_SECRET_KEY)
}

function Get-S3TestConnection {
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

Export-ModuleMember -Function Get-S3AuditManifestPath, Import-S3AuditModule, Test-S3Endpoint, Get-S3TestConnection, Invoke-Counted, Get-RefusedPort
