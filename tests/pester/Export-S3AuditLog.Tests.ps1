#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the PowerShell surface of Export-S3AuditLog. Build first (dotnet build -c Release S3Audit.sln).
# DuckDB reads the lakes back in tests/S3Audit.Lake.Tests; here: the cmdlet as a user runs it.

BeforeAll {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    $examples = Join-Path $repo 'examples/logs'
    $entryCount = @(Get-S3AuditLogEntry -Path $examples).Count

    # $Files copies of one 10,000-line access log in $Folder (read with -KeepDuplicates: 10,000 entries per copy).
    function New-AccessLogs([string] $Folder, [int] $Files) {
        $null = New-Item -ItemType Directory -Force $Folder
        $line = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be src [20/Nov/2026:10:{0:00}:{1:00} +0000] 192.0.2.{2} arn:aws:iam::123456789012:user/u{2} REQ{3:X12} REST.GET.OBJECT backups/block-{3}.blk "GET /src/backups/block-{3}.blk HTTP/1.1" 200 - 1000 1000 3 2 "-" "rclone/v1.66.0" - aG9zdA== SigV4 - AuthHeader s3.example.com TLSv1.3 - - -'
        $text = [Text.StringBuilder]::new()
        for ($i = 0; $i -lt 10000; $i++) { $null = $text.AppendLine(($line -f ([Math]::Floor($i / 60) % 60), ($i % 60), ($i % 50), $i)) }
        for ($f = 0; $f -lt $Files; $f++) { [IO.File]::WriteAllText((Join-Path $Folder ('2026-11-20-10-{0:00}-00-{0:X16}' -f $f)), $text.ToString()) }
    }
}

AfterAll {
    Remove-S3Fixture
    Remove-Module S3Audit -ErrorAction SilentlyContinue
}

Describe 'Export-S3AuditLog' {
    It 'is exported with the source parameter sets of Get-S3AuditLogEntry and a pipeline set' {
        $command = Get-Command Export-S3AuditLog -Module S3Audit
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Bucket', 'LiteralPath', 'LyveTarget', 'Path', 'Pipeline')
        $command.DefaultParameterSet | Should -Be 'Pipeline'
        $command.OutputType.Type.FullName | Should -Contain 'S3Audit.S3AuditLogExportFile'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters['IncludeRaw'].Aliases | Should -Contain 'IncludeRawRecords'
        foreach ($name in (Get-Command Get-S3AuditLogEntry).Parameters.Keys | Where-Object { $_ -ne 'IncludeRaw' }) {
            $command.Parameters.Keys | Should -Contain $name
        }
    }

    It 'writes the sample logs as one file per format and day, and a second run writes nothing' {
        $lake = Join-Path $TestDrive 'lake'
        $files = Export-S3AuditLog -Path $examples -Destination $lake -InformationVariable first
        $files | ForEach-Object { $_ | Should -BeOfType S3Audit.S3AuditLogExportFile }
        $files.Count | Should -Be 13
        ($files | Measure-Object Rows -Sum).Sum | Should -Be $entryCount
        $files | ForEach-Object { Test-Path $_.Path | Should -BeTrue; (Get-Item $_.Path).Length | Should -Be $_.Bytes }
        $files.Path | Should -Match ([regex]::Escape($lake) + '[\\/]source=[a-z_0-9]+[\\/]year=\d{4}[\\/]month=\d{2}[\\/]day=\d{2}[\\/][^\\/]+\.parquet$')
        $summary = $first.MessageData
        $summary | Should -BeOfType S3Audit.S3AuditLogExportSummary
        $first.Tags | Should -Contain 'S3AuditLogExportSummary'
        $summary.Rows | Should -Be $entryCount
        $summary.SourcesRead | Should -Be 14

        $again = Export-S3AuditLog -Path $examples -Destination $lake -InformationVariable second
        $again | Should -BeNullOrEmpty
        $second.MessageData.SourcesSkipped | Should -Be 14
        $second.MessageData.Rows | Should -Be 0
        @(Get-ChildItem $lake -Recurse -Filter *.parquet).Count | Should -Be 13
    }

    It 'takes entries from the pipeline' {
        $lake = Join-Path $TestDrive 'errors'
        $errors = @(Get-S3AuditLogEntry -Path $examples -ErrorsOnly)
        $files = Get-S3AuditLogEntry -Path $examples -ErrorsOnly | Export-S3AuditLog -Destination $lake -Compression Snappy
        ($files | Measure-Object Rows -Sum).Sum | Should -Be $errors.Count
        $errors.Count | Should -BeGreaterThan 3
    }

    It 'exports files piped from Get-ChildItem, odd names included (-LiteralPath by PSPath, issue 13 item 5)' {
        $odd = Join-Path $TestDrive 'odd names'
        $null = New-Item -ItemType Directory $odd
        Copy-Item (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') -Destination (Join-Path $odd 'lit[1]')
        Copy-Item (Join-Path $examples 'aws-access/2026-11-20-10-15-42-9D3B6A1C0E7F2A58') -Destination (Join-Path $odd 'with space.log')
        $files = Get-ChildItem -LiteralPath $odd | Export-S3AuditLog -Destination (Join-Path $TestDrive 'odd-lake') -ErrorVariable err
        $err | Should -BeNullOrEmpty
        ($files | Measure-Object Rows -Sum).Sum | Should -Be 10
        (Export-S3AuditLog -LiteralPath (Join-Path $odd 'lit[1]') -Destination (Join-Path $TestDrive 'lit-lake') | Measure-Object Rows -Sum).Sum | Should -Be 5
    }

    It 'works in a pipeline with Where-Object, Sort-Object and Export-Csv' {
        $lake = Join-Path $TestDrive 'csv'
        $csv = Join-Path $TestDrive 'files.csv'
        Export-S3AuditLog -Path $examples -Destination $lake | Where-Object Source -eq 'AwsAccessLog' | Sort-Object Rows -Descending | Export-Csv $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows.Count | Should -Be 4
        (Get-Content $csv -First 1) | Should -Be '"Path","Partition","Source","Rows","Bytes","RowGroups","FirstTime","LastTime"'
        [long]$rows[0].Rows | Should -BeGreaterOrEqual ([long]$rows[-1].Rows)
    }

    It '-WhatIf lists the partitions and rows it would write, and writes nothing' {
        $lake = Join-Path $TestDrive 'whatif'
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript $transcript
        $result = Export-S3AuditLog -Path $examples -Destination $lake -WhatIf
        $null = Stop-Transcript
        $result | Should -BeNullOrEmpty
        Test-Path $lake | Should -BeFalse
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'What if: Performing the operation "Write 5 rows \(2019-02-06 00:00:38 to 2019-02-06 00:01:57 UTC\)" on target ".*source=aws_access_log[\\/]year=2019[\\/]month=02[\\/]day=06'
        ([regex]::Matches($text, 'What if: Performing the operation "Write')).Count | Should -Be 13
    }

    It 'shows files and the run summary readably at 80 and 120 columns' {
        $lake = Join-Path $TestDrive 'views'
        $files = Export-S3AuditLog -Path $examples -Destination $lake -InformationVariable run
        $narrow = $files | Format-Table | Out-String -Width 80
        $narrow -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $narrow | Should -Match 'Source\s+Day\s+Rows\s+Size\s+File'
        $narrow | Should -Match 'aws_access_log\s+2019-02-06\s+5\s'
        $wide = $files | Format-Table | Out-String -Width 120
        $wide | Should -Match ([regex]::Escape((Split-Path $files[0].Path -Leaf)))
        ($files[0] | Format-List | Out-String) | Should -Match 'Partition\s+: source='
        $summary = $run.MessageData | Format-Table | Out-String -Width 80
        $summary -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $summary | Should -Match 'Rows\s+Files\s+Size\s+Read\s+Skipped\s+Failed\s+Destination'
        ($run.MessageData | Format-List | Out-String) | Should -Match 'Manifest\s+: .*manifest\.json'
    }

    It 'reports a malformed record and a missing path, and goes on' {
        $logs = Join-Path $TestDrive 'bad'
        $null = New-Item -ItemType Directory $logs
        # A log with one damaged line (a file of no readable line at all is LogFormatNotRecognized instead: issue 13, item 12).
        $good = Get-Content (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') -TotalCount 1
        Set-Content (Join-Path $logs 'bad.log') -Value $good, 'this is not a log line'
        Copy-Item (Join-Path $examples 'minio/audit-2024.jsonl') $logs
        $files = Export-S3AuditLog -Path $logs, (Join-Path $TestDrive 'nope') -Destination (Join-Path $TestDrive 'bad-lake') -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $warnings[0] | Should -Match 'bad.log, line 2'
        $err[0].FullyQualifiedErrorId | Should -Match '^LogPathNotFound'
        ($files | Measure-Object Rows -Sum).Sum | Should -Be 3
    }

    It 'rejects a destination that is not a folder or s3://bucket/prefix, and a lake of the other schema' {
        { Export-S3AuditLog -Path $examples -Destination 's3://x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.ExportS3AuditLogCommand'
        $lake = Join-Path $TestDrive 'schema'
        $null = Export-S3AuditLog -Path (Join-Path $examples 'minio') -Destination $lake
        { Export-S3AuditLog -Path $examples -Destination $lake -IncludeRaw -ErrorAction Stop } | Should -Throw -ErrorId 'ExportSchemaMismatch*'
    }

    It 'runs its Parquet writer from the module''s private load context' {
        $null = Export-S3AuditLog -Path (Join-Path $examples 'minio') -Destination (Join-Path $TestDrive 'context')
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'S3Audit'
        $context.Assemblies.GetName().Name | Should -Contain 'S3Audit.Lake'
        # Zstd (the default codec) comes from ZstdSharp; Snappy from Snappier: managed codecs shipped in Dependencies/.
        $context.Assemblies.GetName().Name | Should -Contain 'ZstdSharp'
        [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name | Should -Not -Contain 'ZstdSharp'
        foreach ($codec in 'ZstdSharp.dll', 'Snappier.dll') {
            Test-Path (Join-Path (Split-Path (Get-Module S3Audit).Path) "Dependencies/$codec") | Should -BeTrue
        }
    }

    It 'stops with FeatureNotSupported naming PowerShell 7 where there is no private load context (Windows PowerShell)' {
        # Windows PowerShell 5.1 has no AssemblyLoadContext: the module initializer leaves LoadContextType null there.
        $field = [S3Audit.Commands.Hosting.ModuleInitializer].GetField('s_loadContextType', [Reflection.BindingFlags]'NonPublic, Static')
        $saved = $field.GetValue($null)
        try {
            $field.SetValue($null, $null)
            { Export-S3AuditLog -Path $examples -Destination (Join-Path $TestDrive 'winps') -ErrorAction Stop } |
                Should -Throw -ErrorId 'FeatureNotSupported,S3Audit.Commands.Cmdlets.ExportS3AuditLogCommand' -ExpectedMessage '*needs PowerShell 7.4 or later*'
            Test-Path (Join-Path $TestDrive 'winps') | Should -BeFalse
            # The rest of the module keeps working.
            (Get-S3AuditLogTable DuckDB (Join-Path $TestDrive 'winps')).Count | Should -Be 1
            @(Get-S3AuditLogEntry -Path (Join-Path $examples 'minio')).Count | Should -Be 4
        }
        finally { $field.SetValue($null, $saved) }
    }

    It 'stopped mid-way (Ctrl+C) leaves no file, and the next run exports everything once' {
        $logs = Join-Path $TestDrive 'big'
        New-AccessLogs $logs 40
        $lake = Join-Path $TestDrive 'stopped'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-S3AuditManifestPath)'; Export-S3AuditLog -Path '$logs' -Destination '$lake' -KeepDuplicates")
            $async = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while (-not (Get-ChildItem (Join-Path $lake '_s3audit/staging') -Recurse -Filter *.parquet -ErrorAction SilentlyContinue) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped' -Because 'the export was still running when it was stopped'
        }
        finally { $ps.Dispose() }
        @(Get-ChildItem $lake -Recurse -Filter *.parquet).Count | Should -Be 0
        Test-Path (Join-Path $lake '_s3audit/manifest.json') | Should -BeFalse
        Test-Path (Join-Path $lake '_s3audit/lock') | Should -BeFalse

        $files = Export-S3AuditLog -Path $logs -Destination $lake -KeepDuplicates
        ($files | Measure-Object Rows -Sum).Sum | Should -Be 400000
    }
}

Describe 'Export-S3AuditLog against the test server' -Tag 'Server' {
    BeforeAll {
        $connection = Get-S3TestConnection
        $source = New-S3FixtureBucket 'export-src'
        $target = New-S3FixtureBucket 'export-lake'
        foreach ($file in Get-ChildItem (Join-Path $examples 'aws-access') -File) {
            Write-S3FixtureObject -BucketName $source -Key "logs/$($file.Name)" -Path $file.FullName
        }
        $expected = @(Get-S3AuditLogEntry -BucketName $source -Prefix logs/ @connection).Count
    }

    It 'exports a log bucket to s3:// on the same server, once' {
        $files = Export-S3AuditLog -BucketName $source -Prefix logs/ -Destination "s3://$target/lake" @connection -InformationVariable run
        ($files | Measure-Object Rows -Sum).Sum | Should -Be $expected
        $files.Path | Should -Match "^s3://$target/lake/source=aws_access_log/year=\d{4}/month=\d{2}/day=\d{2}/[^/]+\.parquet$"
        $keys = (Invoke-S3Fixture listObjects @{ bucket = $target; prefix = 'lake/' }).keys
        $files.Path | ForEach-Object { $keys | Should -Contain ($_ -replace "^s3://$target/", '') }
        $keys | Should -Contain 'lake/_s3audit/manifest.json'
        $keys | Should -Not -Contain 'lake/_s3audit/lock'
        $run.MessageData.Manifest | Should -Be "s3://$target/lake/_s3audit/manifest.json"

        Export-S3AuditLog -BucketName $source -Prefix logs/ -Destination "s3://$target/lake" @connection -InformationVariable again | Should -BeNullOrEmpty
        $again.MessageData.SourcesSkipped | Should -Be 3
    }

    It 'binds piped bucket names and exports them in one run' {
        $files = [pscustomobject]@{ BucketName = $source } | Export-S3AuditLog -Prefix logs/ -Destination "s3://$target/piped" @connection
        ($files | Measure-Object Rows -Sum).Sum | Should -Be $expected
    }
}
