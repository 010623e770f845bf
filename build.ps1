<#
.SYNOPSIS
    Builds, tests and packages the S3Audit module.
.DESCRIPTION
    Build:   dotnet build -c <Configuration>, which lays out the ready module folder out/S3Audit/.
    Test:    where bash exists, the test command tests/run-tests.sh (it installs PowerShell and Pester, builds, starts
             the Ceph RGW test server, runs every xunit project and every Pester suite against it). Without bash, or
             with -SkipServerTests: a build, the xunit projects that need no server, and the Pester suites without
             the 'Server' tag, in a child process of this PowerShell.
    Package: Test-ModuleManifest, PSScriptAnalyzer (when installed), then Publish-PSResource (PSResourceGet) of
             out/S3Audit to a local folder repository (out/repo, or -RepositoryPath), as the Gallery guidelines
             advise before publishing for real.
.EXAMPLE
    ./build.ps1 -Task Build
.EXAMPLE
    ./build.ps1 -Task Test -SkipServerTests
.EXAMPLE
    ./build.ps1 -Task Package -RepositoryPath ./out/repo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only the Pester tests that need no S3 endpoint, and the xunit suites without the integration project.
    [switch] $SkipServerTests,

    # Package: the folder of the local repository to publish to.
    [string] $RepositoryPath = (Join-Path $PSScriptRoot 'out/repo'),

    # Package: use the module folder already built.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/S3Audit'

function Invoke-Build {
    dotnet build (Join-Path $root 'S3Audit.sln') -c $Configuration -nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)" }
    Write-Verbose "Module laid out in $moduleDir"
}

# The command line that starts a fresh PowerShell of this edition. Under the .NET tool (dotnet tool run pwsh) the
# process is dotnet itself and pwsh.dll its first argument.
function Get-ChildPowerShell {
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, [Environment]::GetCommandLineArgs()[0])
    }
    @($process)
}

function Invoke-Test {
    $bash = Get-Command bash -ErrorAction SilentlyContinue
    if ($bash -and -not $SkipServerTests) {
        & $bash.Source (Join-Path $root 'tests/run-tests.sh')
        if ($LASTEXITCODE -ne 0) { throw "tests/run-tests.sh failed ($LASTEXITCODE)" }
        return
    }

    Invoke-Build
    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter '*.Tests.csproj' -Recurse |
             Where-Object Name -ne 'S3Audit.Integration.Tests.csproj') {
        dotnet test $project.FullName -c $Configuration --no-build -nologo
        if ($LASTEXITCODE -ne 0) { throw "$($project.Name) failed ($LASTEXITCODE)" }
    }

    # Pester 5.7.1 from NuGet, as the test command takes it, unless a Pester 5 is installed already.
    $pesterArgs = @()
    if (-not (Get-Module -ListAvailable Pester | Where-Object { $_.Version -ge [version]'5.5' })) {
        dotnet restore (Join-Path $root 'tests/pester/restore/PesterRestore.csproj') -nologo | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Pester did not restore ($LASTEXITCODE)" }
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
        $pesterArgs = @('-PesterPath', (Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'))
    }

    # A loaded binary module cannot be unloaded: Pester runs in a fresh process of the same edition.
    $child = @(Get-ChildPowerShell)
    $childArgs = @($child | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1'), '-ExcludeServer') + $pesterArgs
    & $child[0] @childArgs
    if ($LASTEXITCODE -ne 0) { throw "Pester failed ($LASTEXITCODE)" }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    $manifest = Test-ModuleManifest -Path (Join-Path $moduleDir 'S3Audit.psd1')
    Write-Verbose "Manifest OK: $($manifest.Name) $($manifest.Version)"
    if (Get-Module -ListAvailable PSScriptAnalyzer) {
        $issues = Invoke-ScriptAnalyzer -Path $moduleDir -Recurse -Settings PSGallery -Severity Warning, Error
        if ($issues) { $issues | Format-Table -AutoSize | Out-String | Write-Warning; throw 'PSScriptAnalyzer reported issues' }
    }
    if (-not (Get-Command Publish-PSResource -ErrorAction SilentlyContinue)) {
        throw 'Publish-PSResource is missing: PowerShell 7.4+ ships PSResourceGet; on Windows PowerShell run Install-Module Microsoft.PowerShell.PSResourceGet.'
    }

    $null = New-Item -ItemType Directory -Force -Path $RepositoryPath
    $repository = 'S3AuditBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri (Resolve-Path $RepositoryPath).Path -Trusted
    try {
        Publish-PSResource -Path $moduleDir -Repository $repository
        $package = Get-ChildItem $RepositoryPath -Filter "S3Audit.$($manifest.Version)*.nupkg" | Select-Object -First 1
        Write-Host "Published S3Audit $($manifest.Version) to $($package.FullName)"
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
}
