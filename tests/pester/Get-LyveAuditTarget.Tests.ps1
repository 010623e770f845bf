#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

Describe 'Get-LyveAuditTarget' -Tag 'CI' {
    BeforeAll {
        $command = Get-Command Get-LyveAuditTarget
        $env:S3AUDIT_CONFIG = Join-Path ([IO.Path]::GetTempPath()) ("s3audit-pester-" + [guid]::NewGuid() + '/settings.yml')
        $null = New-Item -ItemType Directory (Split-Path $env:S3AUDIT_CONFIG)
        @'
lyveAuditTargets:
- bucketName: audit-logs
  endpointUrl: https://s3.us-east-1.lyvecloud.seagate.com
  region: us-east-1
  logKinds: [S3, IAM, Console]
  recordedAt: 2026-11-21T12:00:00+00:00
- bucketName: other-logs
  endpointUrl: https://s3.us-west-1.lyvecloud.seagate.com
  region: us-west-1
  logKinds: [S3]
  recordedAt: 2026-11-21T12:00:00+00:00
'@ | Set-Content $env:S3AUDIT_CONFIG
    }
    AfterAll { Remove-Item Env:S3AUDIT_CONFIG }

    It 'is exported and declares LyveAuditTarget' {
        $command.Module.Name | Should -Be 'S3Audit'
        $command.OutputType.Type | Should -Contain ([S3Audit.LyveAuditTarget])
    }

    It 'lists the records with -NoValidation, filtered by wildcard' {
        $rows = Get-LyveAuditTarget -BucketName 'audit-*' -NoValidation
        @($rows).Count | Should -Be 1
        $rows.BucketName | Should -Be 'audit-logs'
        $rows.Recorded | Should -BeTrue
        $rows.LogKinds | Should -Be 'S3, IAM, Console'
    }

    It 'binds BucketName from piped objects by property name' {
        $rows = [pscustomobject]@{ BucketName = 'other-logs' } | Get-LyveAuditTarget -NoValidation
        $rows.Region | Should -Be 'us-west-1'
    }

    It 'reports a malformed settings file' {
        $path = $env:S3AUDIT_CONFIG
        Copy-Item $path "$path.bak"
        try {
            "lyveAuditTargets: [unclosed" | Set-Content $path
            { Get-LyveAuditTarget -NoValidation -ErrorAction Stop } | Should -Throw -ErrorId 'LyveSettingsInvalid*'
        }
        finally { Move-Item "$path.bak" $path -Force }
    }
}
