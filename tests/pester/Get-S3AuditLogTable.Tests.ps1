#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the PowerShell surface of Get-S3AuditLogTable. Build first (dotnet build -c Release S3Audit.sln).
# The DuckDB SQL runs against real lakes in tests/S3Audit.Lake.Tests; the other engines' text is checked in
# tests/S3Audit.Engine.Tests (golden files and grammar points).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

AfterAll {
    Remove-Module S3Audit -ErrorAction SilentlyContinue
}

Describe 'Get-S3AuditLogTable' {
    It 'is exported, writes strings and takes the engine and location by position' {
        $command = Get-Command Get-S3AuditLogTable -Module S3Audit
        $command.OutputType.Type.FullName | Should -Contain 'System.String'
        $command.Parameters['Engine'].ParameterSets.Values.Position | Should -Be 0
        $command.Parameters['Location'].ParameterSets.Values.Position | Should -Be 1
        $command.Parameters['Location'].Aliases | Should -Contain 'Destination'
        [enum]::GetNames([S3Audit.S3AuditQueryEngine]) | Should -Be @('Athena', 'Trino', 'Spark', 'DuckDB')
    }

    It 'writes one statement per string for <_>, each ending with a semicolon' -ForEach @('Athena', 'Trino', 'Spark', 'DuckDB') {
        $sql = @(Get-S3AuditLogTable $_ s3://my-lake/audit/ -IncludeExamples)
        $sql.Count | Should -BeGreaterOrEqual 6
        $sql | ForEach-Object { $_ | Should -BeOfType string; $_.TrimEnd() | Should -Match ';$' }
        $sql[0] | Should -Match 'source'
        ($sql -join "`n") | Should -Match 'requests'
    }

    It 'gives a file the engine runs as it is through Set-Content' {
        $file = Join-Path $TestDrive 'lake.sql'
        Get-S3AuditLogTable DuckDB (Join-Path $TestDrive 'lake') -IncludeExamples | Set-Content $file
        $text = Get-Content $file -Raw
        $text | Should -Match ([regex]::Escape("read_parquet('$(Join-Path $TestDrive 'lake')/source=*/year=*/month=*/day=*/*.parquet'"))
        ([regex]::Matches($text, ';\r?\n')).Count | Should -Be 6
    }

    It 'resolves a relative folder against the current location' {
        Push-Location $TestDrive
        try { @(Get-S3AuditLogTable DuckDB ./lake)[0] | Should -Match ([regex]::Escape((Join-Path $TestDrive 'lake'))) }
        finally { Pop-Location }
    }

    It 'takes the lake from the run summary of Export-S3AuditLog by property name' {
        $summary = [S3Audit.S3AuditLogExportSummary]@{ Destination = 's3://my-lake/audit/' }
        ($summary | Get-S3AuditLogTable -Engine Athena) | Should -Match "LOCATION 's3://my-lake/audit/'"
    }

    It 'writes the raw access-log table for Athena and Trino' {
        $athena = Get-S3AuditLogTable Athena s3://my-log-bucket/logs/123456789012/eu-west-1/backups/ -Raw AwsAccessLog
        $athena | Should -Match 'RegexSerDe'
        $athena | Should -Match "'storage.location.template' = 's3://my-log-bucket/logs/123456789012/eu-west-1/backups/\$\{timestamp\}'"
        (Get-S3AuditLogTable Trino s3://my-log-bucket/logs/ -Raw AwsAccessLog -TableName hive.logs.raw) | Should -Match "CREATE TABLE IF NOT EXISTS hive.logs.raw"
    }

    It 'stops with InvalidArgument for what the engine cannot take' {
        { Get-S3AuditLogTable Athena (Join-Path $TestDrive 'lake') -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.GetS3AuditLogTableCommand' -ExpectedMessage '*Athena reads tables from S3 only*'
        { Get-S3AuditLogTable Spark s3://b/p/ -Raw AwsAccessLog -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
        { Get-S3AuditLogTable DuckDB s3://b/p/ -TableName 'x; DROP TABLE y' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
    }
}
