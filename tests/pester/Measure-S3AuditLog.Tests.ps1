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
        $command.ParameterSets.Name | Should -Contain 'LiteralPath'
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

    It 'measures files piped from Get-ChildItem, odd names included (issue 13, item 5)' {
        $odd = Join-Path $TestDrive 'piped'
        $null = New-Item -ItemType Directory $odd
        Copy-Item (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') -Destination (Join-Path $odd 'lit[1]')
        Copy-Item (Join-Path $examples 'aws-access/2026-11-20-10-15-42-9D3B6A1C0E7F2A58') -Destination (Join-Path $odd 'with space.log')
        $expected = (Get-S3AuditLogEntry -LiteralPath (Get-ChildItem -LiteralPath $odd).FullName).Count
        $expected | Should -Be 10

        $rows = Get-ChildItem -LiteralPath $odd | Measure-S3AuditLog -GroupBy Operation -ErrorVariable err
        $err | Should -BeNullOrEmpty
        ($rows | Measure-Object Requests -Sum).Sum | Should -Be $expected
        (Get-Item -LiteralPath (Join-Path $odd 'lit[1]') | Measure-S3AuditLog).Requests | Should -Be 5
        (Measure-S3AuditLog -LiteralPath (Join-Path $odd 'lit[1]')).Requests | Should -Be 5
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

    It '-StartTime after -EndTime is one terminating InvalidArgument error (issue 13, item 12)' {
        { Measure-S3AuditLog -Path $examples -StartTime 2026-02-01 -EndTime 2026-01-01 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.MeasureS3AuditLogCommand' -ExpectedMessage '*StartTime 2026-*is after EndTime*'
    }

    It 'a binary file among piped files is one LogFormatNotRecognized error; the logs are still measured' {
        $dir = Join-Path $TestDrive 'with-binary'
        $null = New-Item -ItemType Directory $dir
        Copy-Item (Join-Path (Get-Module S3Audit).ModuleBase 'S3Audit.Commands.dll') (Join-Path $dir 'a.bin')
        Copy-Item (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') $dir
        $row = Get-ChildItem -LiteralPath $dir | Measure-S3AuditLog -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $row.Requests | Should -Be 5
        $warnings.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Match '^LogFormatNotRecognized'
    }

    It 'rejects an unknown dimension' {
        { Measure-S3AuditLog -Path $examples -GroupBy Planet } | Should -Throw
    }
}
