# Packaging as users get the module: build.ps1 -Task Package publishes with PSResourceGet to a local repository, the
# module is installed by name from there into a temporary path and imported by name in a fresh PowerShell.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifestPath = Get-S3AuditManifestPath
    $version = (Import-PowerShellDataFile $manifestPath).ModuleVersion
}

Describe 'Packaging' -Tag 'CI' {
    BeforeAll {
        $repoPath = Join-Path $TestDrive 'repo'
        $installPath = Join-Path $TestDrive 'modules'
        $null = New-Item -ItemType Directory $repoPath, $installPath
        $packageOutput = Invoke-ChildPowerShell "& '$root/build.ps1' -Task Package -NoBuild -RepositoryPath '$repoPath'"
        $repository = 'S3AuditPester' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Register-PSResourceRepository -Name $repository -Uri $repoPath -Trusted
    }
    AfterAll { Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'points the manifest links at files the repository has' {
        $psData = (Import-PowerShellDataFile $manifestPath).PrivateData.PSData
        $psData.LicenseUri | Should -BeLike "$($psData.ProjectUri)/blob/main/*"
        Test-Path (Join-Path $root ($psData.LicenseUri -replace '^.*/blob/main/', '')) | Should -BeTrue
        $changelog = [regex]::Match($psData.ReleaseNotes, "$([regex]::Escape($psData.ProjectUri))/blob/main/(\S+)").Groups[1].Value
        $changelog | Should -Not -BeNullOrEmpty
        Test-Path (Join-Path $root $changelog) | Should -BeTrue
    }

    It 'publishes one package of the manifest version with PSResourceGet' {
        ($packageOutput -join "`n") | Should -Match "Published S3Audit $([regex]::Escape($version))"
        Get-ChildItem $repoPath -Filter "S3Audit.$version.nupkg" | Should -HaveCount 1
    }

    It 'finds the module by name in the repository' {
        (Find-PSResource -Name S3Audit -Repository $repository).Version.ToString() | Should -Be $version
    }

    It 'installs by name into a temporary path and a fresh PowerShell imports it by name and runs a cmdlet' {
        Save-PSResource -Name S3Audit -Repository $repository -Path $installPath -TrustRepository
        Test-Path (Join-Path $installPath "S3Audit/$version/S3Audit.psd1") | Should -BeTrue
        Test-Path (Join-Path $installPath "S3Audit/$version/Dependencies/S3Audit.Engine.dll") | Should -BeTrue
        $separator = [IO.Path]::PathSeparator
        $output = Invoke-ChildPowerShell -Environment @{ PSModulePath = "$installPath$separator$env:PSModulePath" } -Command @"
Import-Module S3Audit -ErrorAction Stop
(Get-Module S3Audit).ModuleBase
(Get-S3AuditLogEntry -Path '$root/examples/logs' | Measure-Object).Count
"@
        $output[0] | Should -BeLike "$installPath*"
        [int]$output[1] | Should -BeGreaterThan 10
    }
}
