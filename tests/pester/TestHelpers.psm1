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

Export-ModuleMember -Function Get-S3AuditManifestPath, Import-S3AuditModule, Assert-S3TestServer, Get-S3TestConnection
