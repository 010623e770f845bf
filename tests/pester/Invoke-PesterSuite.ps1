<#
.SYNOPSIS
    Runs the Pester suites of tests/pester against the built module (out/S3Audit) and writes their counts.
.DESCRIPTION
    Called by tests/run-tests.sh (and build.ps1 -Task Test) in a fresh PowerShell process: a binary module cannot be
    unloaded, so every run starts clean. Imports Pester from -PesterPath (the NuGet package the test command
    restores) or, without it, the newest Pester 5 on PSModulePath. Writes NUnit XML and a one-line JSON summary
    (passed/failed/skipped, where skipped counts Skipped, NotRun and Inconclusive) under -ResultsDirectory.
    -ExcludeServer leaves out the tests tagged 'Server' (they need the S3_* variables of a test server).
#>
[CmdletBinding()]
param(
    [string] $PesterPath,
    [string] $ResultsDirectory = (Join-Path $PSScriptRoot '../../out/test-results'),
    [switch] $ExcludeServer,
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
if ($PesterPath) { Import-Module $PesterPath -Force } else { Import-Module Pester -MinimumVersion 5.5 -Force }

$null = New-Item -ItemType Directory -Force -Path $ResultsDirectory
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.xml'
if ($ExcludeServer) { $config.Filter.ExcludeTag = 'Server' }

# Every suite removes what it made: the buckets on the test server before the run are all that is left after it.
$checkLeftovers = -not $ExcludeServer -and $env:S3_ENDPOINT
if ($checkLeftovers) {
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    function Get-ServerBucket { @((Invoke-S3Fixture listBuckets).buckets) + @((Invoke-S3Fixture listBuckets @{ root = $true }).buckets) }
    $before = Get-ServerBucket
}

$result = Invoke-Pester -Configuration $config
$summary = [ordered]@{
    passed  = $result.PassedCount
    failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    skipped = $result.SkippedCount + $result.NotRunCount + $result.InconclusiveCount
}

if ($checkLeftovers) {
    $left = @(Get-ServerBucket | Where-Object { $_ -notin $before })
    if ($left) {
        Write-Host "Pester suites left $($left.Count) bucket(s) behind: $($left -join ', ')" -ForegroundColor Red
        $summary.failed++
    }
    else { Write-Host 'Pester suites left no bucket behind.' }
}
$summary | ConvertTo-Json -Compress | Set-Content (Join-Path $ResultsDirectory 'pester-summary.json')
"Pester: $($summary.passed) passed, $($summary.failed) failed, $($summary.skipped) skipped"
exit $(if ($summary.failed -gt 0) { 1 } else { 0 })
