#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the PowerShell surface of Measure-S3AuditLog. Build first (dotnet build -c Release S3Audit.sln).

BeforeAll {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $examples = Join-Path $repo 'examples/logs'
}

AfterAll {
    Remove-Module S3Audit -ErrorAction SilentlyContinue
}

Describe 'Measure-S3AuditLog' {
    It 'is exported with its parameter sets' {
        $command = Get-Command Measure-S3AuditLog -Module S3Audit
        $command.ParameterSets.Name | Should -Contain 'Pipeline'
        $command.ParameterSets.Name | Should -Contain 'Path'
        $command.DefaultParameterSet | Should -Be 'Pipeline'
        $command.OutputType.Type.FullName | Should -Contain 'S3Audit.S3AuditLogSummary'
    }

    It 'summarizes piped entries by operation (the README first run)' {
        $rows = Get-S3AuditLogEntry -Path $examples | Measure-S3AuditLog -GroupBy Operation
        $rows.Count | Should -BeGreaterThan 5
        ($rows | Measure-Object Requests -Sum).Sum | Should -Be (Get-S3AuditLogEntry -Path $examples).Count
        $rows[0].Requests | Should -BeGreaterOrEqual $rows[-1].Requests
        $rows[0].Operation | Should -Be $rows[0].Group
    }

    It 'gives the same rows on its own fast path' {
        $piped = Get-S3AuditLogEntry -Path $examples | Measure-S3AuditLog -GroupBy Operation, HttpStatus | ConvertTo-Json -Compress
        $fast = Measure-S3AuditLog -Path $examples -GroupBy Operation, HttpStatus | ConvertTo-Json -Compress
        $fast | Should -Be $piped
    }

    It 'binds entries by value, not their BucketName to -BucketName' {
        $rows = Get-S3AuditLogEntry -Path (Join-Path $examples 'aws-access') | Measure-S3AuditLog -GroupBy BucketName
        $rows.BucketName | Should -Contain 'DOC-EXAMPLE-BUCKET1'
    }

    It 'sorts and cuts with -SortBy and -Top' {
        $rows = Measure-S3AuditLog -Path $examples -GroupBy RemoteIp -SortBy Errors -Top 2
        $rows.Count | Should -Be 2
        $rows[0].Errors | Should -BeGreaterOrEqual $rows[1].Errors
    }

    It 'has no positional -GroupBy, so a bare word is a path' {
        (Get-Command Measure-S3AuditLog).Parameters['GroupBy'].Attributes.Where({ $_ -is [Parameter] }).Position | Should -Not -Contain 0
        (Get-Command Measure-S3AuditLog).Parameters['Path'].Attributes.Where({ $_ -is [Parameter] }).Position | Should -Contain 0
    }

    It 'rejects an unknown dimension' {
        { Measure-S3AuditLog -Path $examples -GroupBy Planet } | Should -Throw
    }
}
