#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the PowerShell surface of Get-S3AuditLogEntry. Build first (dotnet build -c Release S3Audit.sln).

BeforeAll {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    $examples = Join-Path $repo 'examples/logs'

    # An access log of $Count requests with ids unique to $Name, so that duplicate removal keeps every file's entries.
    function New-AccessLog([string] $Directory, [string] $Name, [int] $Count) {
        $lines = 1..$Count | ForEach-Object {
            "owner bkt [21/Nov/2026:12:00:0$($_ % 10) +0000] 192.0.2.$_ alice $Name-$_ REST.GET.OBJECT k$_ `"GET /bkt/k$_ HTTP/1.1`" 200 - 10 10 1 1 `"-`" `"ua`" - - SigV4 - AuthHeader bkt - - -"
        }
        $file = Join-Path $Directory $Name
        [System.IO.File]::WriteAllLines($file, [string[]] $lines)
        $file
    }
}

AfterAll {
    Remove-Module S3Audit -ErrorAction SilentlyContinue
}

Describe 'Get-S3AuditLogEntry' {
    It 'is exported with its parameter sets' {
        $command = Get-Command Get-S3AuditLogEntry -Module S3Audit
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Bucket', 'LiteralPath', 'LyveTarget', 'Path')
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

    Context 'file names that are not wildcards (issue 13, item 5)' {
        BeforeAll {
            $odd = Join-Path $TestDrive 'odd names'
            $null = New-Item -ItemType Directory $odd
            $counts = [ordered]@{ 'lit[1]' = 3; 'with space.log' = 4; "it's.log" = 2; 'ünï [x].log' = 5 }
            foreach ($name in $counts.Keys) { $null = New-AccessLog $odd $name $counts[$name] }
            $total = ($counts.Values | Measure-Object -Sum).Sum
        }

        It 'Get-ChildItem | Get-S3AuditLogEntry reads every file, brackets and all' {
            $entries = Get-ChildItem -LiteralPath $odd | Get-S3AuditLogEntry -ErrorVariable err
            $err | Should -BeNullOrEmpty
            $entries.Count | Should -Be $total
            foreach ($name in $counts.Keys) {
                @($entries | Where-Object SourceFile -eq (Join-Path $odd $name)).Count | Should -Be $counts[$name] -Because $name
            }
        }

        It 'binds piped files to -LiteralPath by their PSPath' {
            $command = Get-Command Get-S3AuditLogEntry
            $command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
            $command.Parameters['LiteralPath'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
            $command.Parameters['Path'].Aliases | Should -Not -Contain 'PSPath'
        }

        It '-LiteralPath lit[1] reads that file' {
            $entries = Get-S3AuditLogEntry -LiteralPath (Join-Path $odd 'lit[1]') -ErrorVariable err
            $err | Should -BeNullOrEmpty
            $entries.Count | Should -Be 3
            $entries.RequestId | Should -Be @('lit[1]-1', 'lit[1]-2', 'lit[1]-3')
        }

        It '-Path lit[1] (a pattern that matches no name) falls back to the file of exactly that name, as Resolve-Path output does' {
            (Get-S3AuditLogEntry -Path (Join-Path $odd 'lit[1]') -ErrorVariable err).Count | Should -Be 3
            $err | Should -BeNullOrEmpty
            (Resolve-Path -LiteralPath (Join-Path $odd 'lit[1]') | Get-S3AuditLogEntry).Count | Should -Be 3
        }

        It '-Path with a pattern that matches nothing is one LogPathNotFound error' {
            $entries = Get-S3AuditLogEntry -Path (Join-Path $odd 'nothing[0-9].log') -ErrorVariable err -ErrorAction SilentlyContinue
            $entries | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Match '^LogPathNotFound'
            $err[0].Exception.Message | Should -Match 'No log file matches'
        }

        It '-LiteralPath of a missing file is one LogPathNotFound error and the other files are still read' {
            $entries = Get-S3AuditLogEntry -LiteralPath (Join-Path $odd 'no[such].log'), (Join-Path $odd 'lit[1]') -ErrorVariable err -ErrorAction SilentlyContinue
            $entries.Count | Should -Be 3
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Match '^LogPathNotFound'
        }

        It '-Path still expands wildcards' {
            (Get-S3AuditLogEntry -Path (Join-Path $odd '*.log')).Count | Should -Be (4 + 2 + 5)
        }
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

    It 'writes a warning naming file and line for a malformed record of a log' {
        $file = Join-Path $TestDrive 'bad.log'
        $good = Get-Content (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') -TotalCount 1
        Set-Content $file -Value $good, 'this is not a log line'
        $entries = Get-S3AuditLogEntry -Path $file -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err
        @($entries).Count | Should -Be 1
        $err | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -Match 'bad.log, line 2: malformed record skipped'
    }

    Context 'a file that is no log (issue 13, item 12)' {
        It 'a binary file is one LogFormatNotRecognized error, not a warning per line' {
            $file = Join-Path $TestDrive 'module.bin'
            Copy-Item (Join-Path (Get-Module S3Audit).ModuleBase 'S3Audit.Commands.dll') $file
            $entries = Get-S3AuditLogEntry -Path $file -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            $entries | Should -BeNullOrEmpty
            $warnings.Count | Should -Be 0
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Match '^LogFormatNotRecognized'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match 'module\.bin is not an audit log .*binary'
        }

        It 'a text file of no known format is one error too, and the logs beside it are read' {
            $dir = Join-Path $TestDrive 'mixed'
            $null = New-Item -ItemType Directory $dir
            Set-Content (Join-Path $dir 'notes.txt') -Value (1..50 | ForEach-Object { "note $_, nothing to see" })
            Copy-Item (Join-Path $examples 'aws-access/2019-02-06-00-05-12-7C1F0D5E2B9A4E31') $dir
            $entries = Get-ChildItem -LiteralPath $dir | Get-S3AuditLogEntry -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            @($entries).Count | Should -Be 5
            $warnings.Count | Should -Be 0
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Match '^LogFormatNotRecognized'
            $err[0].TargetObject | Should -Be (Join-Path $dir 'notes.txt')
        }
    }

    It '-StartTime after -EndTime is one terminating InvalidArgument error (issue 13, item 12)' {
        { Get-S3AuditLogEntry -Path $examples -StartTime 2026-02-01 -EndTime 2026-01-01 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.GetS3AuditLogEntryCommand' -ExpectedMessage '*is after EndTime*'
        $entries = $null
        $caught = try { $entries = Get-S3AuditLogEntry -Path $examples -StartTime 2026-02-01 -EndTime 2026-01-01 } catch { $_ }
        $entries | Should -BeNullOrEmpty
        @($caught).Count | Should -Be 1
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        # A time without a zone is local time; the message gives both in UTC.
        $utc = { param($t) ([datetime] $t).ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss') }
        $caught.Exception.Message | Should -Be "StartTime $(& $utc '2026-02-01')Z is after EndTime $(& $utc '2026-01-01')Z: no entry can match. Swap them, or leave one out."
    }

    It 'a bad -RemoteIp is an InvalidArgument error without a .NET parameter name' {
        { Get-S3AuditLogEntry -Path $examples -RemoteIp office -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,S3Audit.Commands.Cmdlets.GetS3AuditLogEntryCommand' -ExpectedMessage "'office' is not an IP address or CIDR block*"
        try { Get-S3AuditLogEntry -Path $examples -RemoteIp office -ErrorAction Stop } catch { $_.Exception.Message | Should -Not -Match '\(Parameter ' }
    }

    It 'names a bad -RemoteIp without a .NET parameter name' {
        $err = { Get-S3AuditLogEntry -Path (Join-Path $PSScriptRoot '../../examples') -RemoteIp 10.0.0.300/8 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'InvalidArgument,S3Audit.Commands.Cmdlets.GetS3AuditLogEntryCommand'
        $err.Exception.Message | Should -Be "'10.0.0.300/8' is not an IP address or CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)."
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

Describe 'Get-S3AuditLogEntry against Ceph RGW' -Tag 'Server' {
    BeforeAll {
        $connection = Get-S3TestConnection
    }

    AfterAll { Remove-S3Fixture }

    Context 'logs Ceph RGW delivered through bucket logging (issue 13, items 13 and 14)' {
        BeforeAll {
            $source = New-S3FixtureBucket 'pester-logsrc'
            $target = New-S3FixtureBucket 'pester-logdst'
            Enable-S3AccessLogging -BucketName $source -TargetBucketName $target -TargetPrefix 'logs/' -Confirm:$false @connection
            # The audit itself reads the bucket's configuration: GET ?logging, ?object-lock, HEAD (stat_bucket) ...
            $null = Get-S3AuditBucket -BucketName $source -Detailed @connection -ErrorAction SilentlyContinue
            Write-S3FixtureObject -BucketName $source -Key 'report.csv' -Content 'a,b'
            $null = Invoke-S3Fixture getObject @{ bucket = $source; key = 'report.csv' }
            $anonymous = try { (Invoke-WebRequest "$env:S3_ENDPOINT/$source/report.csv" -SkipHttpErrorCheck).StatusCode } catch { $_ }
            Disable-S3AccessLogging -BucketName $source -Confirm:$false @connection
            # RGW commits log objects asynchronously: read until the last request above is there.
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            do {
                Start-Sleep -Milliseconds 500
                $entries = @(Get-S3AuditLogEntry -BucketName $target -Prefix 'logs/' @connection -ErrorAction SilentlyContinue)
            } until (($entries | Where-Object { $_.HttpStatus -eq 403 -and $_.Key -eq 'report.csv' }) -or [datetime]::UtcNow -gt $deadline)
        }

        It 'delivered the requests (the fixture worked)' {
            $anonymous | Should -Be 403
            $entries.Count | Should -BeGreaterThan 5
            $entries.Source | Sort-Object -Unique | Should -Be 'AwsAccessLog'
        }

        It 'names every operation by its S3 API name; none is left raw' {
            $raw = $entries | Where-Object { $_.Operation -notmatch '^[A-Z][A-Za-z0-9]+$' } | ForEach-Object { "$($_.RawOperation) -> $($_.Operation)" }
            $raw | Should -BeNullOrEmpty
            $entries | Where-Object RawOperation -eq 'REST.HEAD.stat_bucket' | ForEach-Object Operation | Sort-Object -Unique | Should -Be 'HeadBucket'
            $entries | Where-Object RawOperation -eq 'REST.GET.OBJECT_LOCK' | ForEach-Object Operation | Sort-Object -Unique | Should -Be 'GetObjectLockConfiguration'
        }

        It '-Operation GetBucketLogging finds what RGW logged as REST.GET.LOGGING' {
            $logging = @(Get-S3AuditLogEntry -BucketName $target -Prefix 'logs/' -Operation GetBucketLogging @connection)
            $logging.Count | Should -BeGreaterOrEqual 1
            $logging.RawOperation | Sort-Object -Unique | Should -Be 'REST.GET.LOGGING'
            $logging.Count | Should -Be @($entries | Where-Object RawOperation -eq 'REST.GET.LOGGING').Count
        }

        It '-GroupBy Operation groups by API names only' {
            $rows = Measure-S3AuditLog -BucketName $target -Prefix 'logs/' -GroupBy Operation @connection
            $rows.Operation | Should -Contain 'GetBucketLogging'
            $rows.Operation | Should -Contain 'HeadBucket'
            $rows | Where-Object { $_.Operation -notmatch '^[A-Z][A-Za-z0-9]+$' } | Should -BeNullOrEmpty
            ($rows | Measure-Object Requests -Sum).Sum | Should -Be $entries.Count
        }

        It '-GroupBy Requester calls the unauthenticated request anonymous' {
            $rows = Measure-S3AuditLog -BucketName $target -Prefix 'logs/' -GroupBy Requester @connection
            $rows.Requester | Should -Contain 'anonymous'
            $rows.Requester | Should -Not -Contain ''
            ($rows | Where-Object Requester -eq 'anonymous').Errors | Should -Be 1
            @(Get-S3AuditLogEntry -BucketName $target -Prefix 'logs/' -Requester anonymous @connection).Key | Should -Be 'report.csv'
        }
    }

    Context 'a bucket that holds no logs (issue 13, item 15)' {
        BeforeAll {
            $backups = New-S3FixtureBucket 'pester-backups'
            $random = [Random]::new(15)
            $bytes = [byte[]]::new(512KB)
            $file = Join-Path $TestDrive 'backup.tar.gz'
            foreach ($i in 1..60) {
                $random.NextBytes($bytes)
                [IO.File]::WriteAllBytes($file, $bytes)
                Write-S3FixtureObject -BucketName $backups -Key ('db/{0:000}.tar.gz' -f $i) -Path $file
            }
        }

        It 'stops after the first objects with one NoAuditLogsFound error, downloading a fraction of the bucket' {
            $since = Get-RgwOpsLogLength
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $entries = Get-S3AuditLogEntry -BucketName $backups @connection -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            $clock.Stop()
            Write-Host "    Get-S3AuditLogEntry -BucketName (60 objects, no log) took $([math]::Round($clock.Elapsed.TotalSeconds, 1)) s"
            $entries | Should -BeNullOrEmpty
            $warnings.Count | Should -Be 0
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'NoAuditLogsFound,S3Audit.Commands.Cmdlets.GetS3AuditLogEntryCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].TargetObject | Should -Be "s3://$backups/"
            $err[0].Exception.Message | Should -Match 'are not audit logs, so reading stopped'
            $err[0].Exception.Message | Should -Match '-Prefix'
            # Count the downloads in RGW's own log once a sentinel request shows it has caught up.
            $sentinel = 'sentinel-' + [guid]::NewGuid().ToString('N')
            $null = Invoke-S3Fixture listObjects @{ bucket = $backups; prefix = $sentinel }
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            do {
                $lines = @(Get-Content $env:S3_OPS_LOG | Select-Object -Skip $since)
                Start-Sleep -Milliseconds 200
            } until (($lines -match $sentinel) -or [datetime]::UtcNow -gt $deadline)
            # Requests logged at the same moment may share a line ('}{'): split records, not lines.
            $records = ($lines -join "`n") -split '(?<=\})\s*(?=\{"bucket")' | Where-Object { $_ -like '{*}' } | ForEach-Object { $_ | ConvertFrom-Json }
            $downloads = @($records | Where-Object { $_.bucket -eq $backups -and $_.operation -eq 'get_obj' })
            $downloads.Count | Should -BeLessOrEqual (10 + 16) -Because 'reading stops after 10 objects that are no logs, with at most 16 downloads in flight'
            $downloads.Count | Should -BeGreaterOrEqual 10
        }

        It 'Measure-S3AuditLog stops the same way' {
            $rows = Measure-S3AuditLog -BucketName $backups @connection -ErrorVariable err -ErrorAction SilentlyContinue
            @($rows | Where-Object Requests -gt 0) | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'NoAuditLogsFound,S3Audit.Commands.Cmdlets.MeasureS3AuditLogCommand'
        }
    }
}
