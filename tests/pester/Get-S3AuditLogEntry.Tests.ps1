#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the PowerShell surface of Get-S3AuditLogEntry. Build first (dotnet build -c Release S3Audit.sln).

BeforeAll {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $examples = Join-Path $repo 'examples/logs'
}

AfterAll {
    Remove-Module S3Audit -ErrorAction SilentlyContinue
}

Describe 'Get-S3AuditLogEntry' {
    It 'is exported with its parameter sets' {
        $command = Get-Command Get-S3AuditLogEntry -Module S3Audit
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Bucket', 'LyveTarget', 'Path')
        $command.DefaultParameterSet | Should -Be 'Path'
        $command.OutputType.Type.FullName | Should -Contain 'S3Audit.S3AuditLogEntry'
    }

    It 'reads every format in the examples folder' {
        $entries = Get-S3AuditLogEntry -Path $examples
        $formats = $entries.Source | ForEach-Object ToString | Sort-Object -Unique
        $formats | Should -Be @('AwsAccessLog', 'CephOpsLog', 'CloudTrail', 'ExoscaleDataEvents', 'LyveAccountApi', 'LyveConsole', 'LyveS3Audit', 'MinioAudit')
        $entries | Where-Object { $_.Raw } | Should -BeNullOrEmpty
    }

    It 'expands wildcards and binds Get-ChildItem output by FullName' {
        $byWildcard = Get-S3AuditLogEntry -Path (Join-Path $examples 'aws-access/*')
        $byPipeline = Get-ChildItem (Join-Path $examples 'aws-access') -File | Get-S3AuditLogEntry
        $byPipeline.Count | Should -Be $byWildcard.Count
        $byWildcard.Count | Should -BeGreaterThan 5
    }

    It 'filters in the engine' {
        $failed = Get-S3AuditLogEntry -Path $examples -ErrorsOnly
        $failed | ForEach-Object { ($_.HttpStatus -ge 400) -or $_.ErrorCode } | Should -Not -Contain $false
        Get-S3AuditLogEntry -Path $examples -Operation 'Put*' -RemoteIp '203.0.113.0/24' |
            ForEach-Object Operation | Sort-Object -Unique | Should -Be @('PutObject')
    }

    It 'masks secrets in -IncludeRaw' {
        $raw = Get-S3AuditLogEntry -Path (Join-Path $examples 'minio') -IncludeRaw | ForEach-Object Raw
        ($raw -join "`n") | Should -Not -Match 'Signature=[0-9a-f]{16}'
        ($raw -join "`n") | Should -Not -Match 'IQoJb3JpZ2luX2VjEXAMPLETOKEN'
    }

    It 'writes a warning naming file and line for a malformed record' {
        $file = Join-Path $TestDrive 'bad.log'
        Set-Content $file -Value 'this is not a log line'
        $entries = Get-S3AuditLogEntry -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
        $entries | Should -BeNullOrEmpty
        $warnings[0] | Should -Match 'bad.log, line 1'
    }

    It 'names a bad -RemoteIp without a .NET parameter name' {
        $err = { Get-S3AuditLogEntry -Path (Join-Path $PSScriptRoot '../../examples') -RemoteIp 10.0.0.300/8 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'InvalidArgument,S3Audit.Commands.Cmdlets.GetS3AuditLogEntryCommand'
        $err.Exception.Message | Should -Be "'10.0.0.300/8' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)"
    }

    It 'reports a missing path as a non-terminating error' {
        Get-S3AuditLogEntry -Path (Join-Path $TestDrive 'nope') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Match '^LogPathNotFound'
    }

    It 'exports flat columns' {
        $csv = Get-S3AuditLogEntry -Path $examples | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Match '"Time","Source","Operation","RawOperation","BucketName","Key","Requester","AccessKeyId","RemoteIp","HttpStatus"'
    }
}
