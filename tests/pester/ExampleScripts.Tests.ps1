# The scripts in examples/ as an admin runs them: each in a fresh PowerShell (the module not yet imported, as in a
# scheduled task), against a profile for the test RGW that audits one public bucket.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $examples = (Resolve-Path (Join-Path $PSScriptRoot '../../examples')).Path
    $module = (Resolve-Path (Split-Path (Get-S3AuditManifestPath))).Path
}

Describe 'examples/*.ps1' -Tag 'CI' {
    It '<_> parses' -ForEach 'Start-InteractiveReview.ps1', 'Invoke-NightlyAudit.ps1', 'Register-NightlyAudit.ps1' {
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $examples $_), [ref]$null, [ref]$errors)
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'examples/*.ps1 against the test server' -Tag 'Server' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
        Assert-S3TestServer
        $bucket = New-S3FixtureBucket 'pester-nightly' -Acl 'public-read'
        $folder = Join-Path $TestDrive 'audit'
        $null = New-Item -ItemType Directory $folder
        $profilePath = Join-Path $folder 'audit.yml'
        @"
version: 1
targets:
  - name: rgw
    provider: Ceph
    endpoint: $env:S3_ENDPOINT
    region: us-east-1
    accessKeyVariable: S3_ACCESS_KEY
    secretKeyVariable: S3_SECRET_KEY
    buckets:
      include: ['$bucket']
checks: { exposure: true, posture: true, logging: true }
thresholds: { minimumSeverity: Low, failOn: High }
outputs:
  json: reports/s3audit-{date}.json
"@ | Set-Content $profilePath
    }
    AfterAll { Remove-S3Fixture }

    It 'Start-InteractiveReview.ps1 starts before the module is imported and walks through the findings' {
        $output = Invoke-ChildPowerShell "& '$examples/Start-InteractiveReview.ps1' -ConfigPath '$profilePath' -Provider Ceph -Module '$module' 6>&1 | Out-String -Width 120"
        $text = $output -join "`n"
        $text | Should -Match 'Findings by severity'
        $text | Should -Match 'PublicAcl'
        # Sorted by target before grouping: one group header for the one target.
        ([regex]::Matches($text, 'Target: rgw')).Count | Should -Be 1
    }

    It 'Invoke-NightlyAudit.ps1 logs the run and exits 1 on an open High finding, with the previous report as baseline the second time' {
        $log = Join-Path $TestDrive 'nightly.log'
        $script = "& '$examples/Invoke-NightlyAudit.ps1' -ConfigPath '$profilePath' -LogPath '$log' -Module '$module'; exit `$LASTEXITCODE"
        { Invoke-ChildPowerShell $script } | Should -Throw '*exited with 1*'
        { Invoke-ChildPowerShell $script } | Should -Throw '*exited with 1*'
        $text = (Get-Content $log) -join "`n"
        ([regex]::Matches($text, 'open High or Critical finding')).Count | Should -Be 2
        $text | Should -Match "Baseline: .*s3audit-.*\.json"
    }
}
