<#
.SYNOPSIS
    Builds, tests and packages the S3Audit module.
.DESCRIPTION
    Build:   dotnet build -c <Configuration>, which lays out the ready module folder out/S3Audit/.
    Test:    the xunit suites (bash tests/run-tests.sh where bash exists: it builds Release itself and starts the Ceph
             RGW test server; otherwise a -Configuration build), then the Pester tests in tests/pester/ in a child
             process of this PowerShell edition. The Pester 'Server' tests run only when S3_ENDPOINT is set.
    Package: Test-ModuleManifest, PSScriptAnalyzer (if installed), and Publish-Module to a local folder repository
             under out/repo, as the Gallery guidelines advise before publishing for real.
.EXAMPLE
    ./build.ps1 -Task Build
.EXAMPLE
    ./build.ps1 -Task Test -SkipServerTests
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only the Pester tests that need no S3 endpoint, and the xunit suites without the integration project.
    [switch] $SkipServerTests
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/S3Audit'

function Invoke-Build {
    dotnet build (Join-Path $root 'S3Audit.sln') -c $Configuration -nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)" }
    Write-Verbose "Module laid out in $moduleDir"
}

function Invoke-Test {
    $bash = Get-Command bash -ErrorAction SilentlyContinue
    if ($bash -and -not $SkipServerTests) {
        & $bash.Source (Join-Path $root 'tests/run-tests.sh')
        if ($LASTEXITCODE -ne 0) { throw "xunit suites failed ($LASTEXITCODE)" }
    }
    else {
        Invoke-Build
        foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter '*.Tests.csproj' -Recurse |
                 Where-Object Name -ne 'S3Audit.Integration.Tests.csproj') {
            dotnet test $project.FullName -c $Configuration --no-build -nologo
            if ($LASTEXITCODE -ne 0) { throw "$($project.Name) failed ($LASTEXITCODE)" }
        }
    }

    # run-tests.sh stops RGW when it exits and keeps its s3.env to itself: without an endpoint here, skip the Server tests.
    $excludeServer = $SkipServerTests -or -not $env:S3_ENDPOINT
    if ($excludeServer -and -not $SkipServerTests) { Write-Warning 'S3_ENDPOINT is not set: the Pester Server tests are skipped.' }

    # A loaded binary module cannot be unloaded: run Pester in a fresh process of the same edition.
    $exe = (Get-Process -Id $PID).Path
    $pester = "Import-Module Pester -MinimumVersion 5.0; " +
              "`$c = New-PesterConfiguration; `$c.Run.Path = '$root/tests/pester'; `$c.Run.Exit = `$true; " +
              "`$c.Output.Verbosity = 'Detailed'; " +
              $(if ($excludeServer) { "`$c.Filter.ExcludeTag = 'Server'; " } else { '' }) +
              "Invoke-Pester -Configuration `$c"
    & $exe -NoProfile -Command $pester
    if ($LASTEXITCODE -ne 0) { throw "Pester failed ($LASTEXITCODE)" }
}

function Invoke-Package {
    Invoke-Build
    $manifest = Test-ModuleManifest -Path (Join-Path $moduleDir 'S3Audit.psd1')
    Write-Verbose "Manifest OK: $($manifest.Name) $($manifest.Version)"
    if (Get-Module -ListAvailable PSScriptAnalyzer) {
        $issues = Invoke-ScriptAnalyzer -Path $moduleDir -Recurse -Settings PSGallery -Severity Warning, Error
        if ($issues) { $issues | Format-Table -AutoSize | Out-String | Write-Warning; throw 'PSScriptAnalyzer reported issues' }
    }

    $repoDir = Join-Path $root 'out/repo'
    New-Item -ItemType Directory -Force -Path $repoDir | Out-Null
    $repoName = 'S3AuditLocal'
    if (-not (Get-PSRepository -Name $repoName -ErrorAction SilentlyContinue)) {
        Register-PSRepository -Name $repoName -SourceLocation $repoDir -PublishLocation $repoDir -InstallationPolicy Trusted
    }
    try {
        Publish-Module -Path $moduleDir -Repository $repoName
        Write-Verbose "Published to $repoDir"
    }
    finally {
        Unregister-PSRepository -Name $repoName
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
}
