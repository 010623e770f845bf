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

Export-ModuleMember -Function Get-S3AuditManifestPath, Import-S3AuditModule, Test-S3Endpoint, Get-S3TestConnection
