# Pester 5. Runs against the built module: dotnet build -c Release, then Invoke-Pester ./tests/pester
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    $command = Get-Command Invoke-S3Audit -Module S3Audit

    function New-Profile([string] $Text) {
        $path = Join-Path $TestDrive ("audit-{0}.yml" -f [guid]::NewGuid().ToString('N'))
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $path
    }
}

Describe 'Invoke-S3Audit' {
    Context 'Command surface' {
        It 'is exported and outputs S3AuditFinding' {
            $command | Should -Not -BeNullOrEmpty
            $command.OutputType.Type | Should -Contain ([S3Audit.S3AuditFinding])
        }

        It 'takes -ConfigPath first and mandatory, -BaselinePath second' {
            $command.Parameters['ConfigPath'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Be $true
            $command.Parameters['ConfigPath'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 0
            $command.Parameters['BaselinePath'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 1
        }

        It 'binds a file from Get-ChildItem by its FullName' {
            $command.Parameters['ConfigPath'].Aliases | Should -Contain 'FullName'
            $command.Parameters['ConfigPath'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Be $true
        }

        It 'has a table view for its findings' {
            (Get-FormatData -TypeName S3Audit.S3AuditFinding).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name } | Should -Contain 'TableControl'
        }
    }

    Context 'Validation before any call' {
        It 'rejects an invalid file with file, line, column and what was expected' {
            $path = New-Profile "targets:`n  - name: a`n    provider: Wasabi`n    endpoint: https://s3.example.com`nchecks:`n  exposure: true`n"
            $err = { Invoke-S3Audit -ConfigPath $path -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'AuditConfigInvalid,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidData'
            $err.Exception.Message | Should -BeLike "*$path(3,15): 'provider' in target 'a' must be one of: Aws, Exoscale, Lyve, Minio, Ceph, Generic*"
        }

        It 'rejects a secret written into the file' {
            $path = New-Profile "targets:`n  - name: a`n    provider: Aws`n    secretKey: abc`nchecks:`n  exposure: true`n"
            { Invoke-S3Audit $path -ErrorAction Stop } | Should -Throw -ErrorId 'AuditConfigInvalid,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand'
        }

        It 'says how to create a missing file' {
            $err = { Invoke-S3Audit (Join-Path $TestDrive 'missing.yml') -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'AuditConfigNotFound,*'
            $err.Exception.Message | Should -BeLike '*New-S3AuditConfig*'
        }

        It 'a bad profile piped in is a non-terminating error for that profile: Get-ChildItem *.yml | Invoke-S3Audit still runs the valid ones' {
            $folder = Join-Path $TestDrive 'piped'
            $null = New-Item -ItemType Directory $folder
            Set-Content (Join-Path $folder 'a-valid.yml') "targets:`n  - name: first`n    provider: Ceph`n    endpoint: http://127.0.0.1:9`n    accessKeyVariable: S3AUDIT_UNSET_AK`n    secretKeyVariable: S3AUDIT_UNSET_SK`nchecks:`n  exposure: true`n"
            Set-Content (Join-Path $folder 'b-invalid.yml') "targets:`n  - name: [broken`n"
            [IO.File]::WriteAllBytes((Join-Path $folder 'c-binary.yml'), [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0xFF, 0xFE, 0x7F))
            Set-Content (Join-Path $folder 'd-valid.yml') "targets:`n  - name: second`n    provider: Ceph`n    endpoint: http://127.0.0.1:9`n    accessKeyVariable: S3AUDIT_UNSET_AK`n    secretKeyVariable: S3AUDIT_UNSET_SK`nchecks:`n  exposure: true`n"

            $rows = Get-ChildItem (Join-Path $folder '*.yml') | Invoke-S3Audit -ErrorVariable profileErrors -ErrorAction SilentlyContinue -InformationVariable runs -WarningAction SilentlyContinue

            @($runs | Where-Object Tags -contains 'S3AuditSummary').Count | Should -Be 2
            $rows.Target | Sort-Object -Unique | Should -Be @('first', 'second')
            $invalid = @($profileErrors | Where-Object FullyQualifiedErrorId -like 'AuditConfigInvalid,*')
            $invalid.TargetObject | Should -Be @((Join-Path $folder 'b-invalid.yml'), (Join-Path $folder 'c-binary.yml'))
            $invalid[1].Exception.Message | Should -BeLike '*c-binary.yml(1,1): the file is not a text file (a NUL byte at offset 8): an audit profile is YAML text; create one with New-S3AuditConfig'
            ($invalid | Out-String -Width 200) | Should -Not -Match '[\x00-\x08\x0E-\x1F]'
        }

        It 'stops when the baseline does not exist' {
            $path = New-Profile "targets:`n  - name: a`n    provider: Aws`nchecks:`n  exposure: true`n"
            { Invoke-S3Audit $path -BaselinePath (Join-Path $TestDrive 'none.json') } | Should -Throw -ErrorId 'BaselineNotFound,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand'
        }
    }

    Context 'A target that fails' {
        BeforeAll {
            $env:S3AUDIT_PESTER_AK = 'AKIDPESTER'
            $env:S3AUDIT_PESTER_SK = 'pester-secret'
            $path = New-Profile @"
targets:
  - name: unreachable
    provider: Ceph
    endpoint: http://127.0.0.1:9
    accessKeyVariable: S3AUDIT_PESTER_AK
    secretKeyVariable: S3AUDIT_PESTER_SK
  - name: nokeys
    provider: Ceph
    endpoint: http://127.0.0.1:9
    accessKeyVariable: S3AUDIT_PESTER_UNSET_AK
    secretKeyVariable: S3AUDIT_PESTER_UNSET_SK
checks:
  exposure: true
outputs:
  json: reports/run-{date}.json
"@
            $findings = Invoke-S3Audit -ConfigPath $path -ErrorVariable runErrors -ErrorAction SilentlyContinue -InformationVariable information -WarningVariable warnings -WarningAction SilentlyContinue
            $summary = ($information | Where-Object { $_.Tags -contains 'S3AuditSummary' }).MessageData
        }
        AfterAll {
            Remove-Item Env:S3AUDIT_PESTER_AK, Env:S3AUDIT_PESTER_SK -ErrorAction SilentlyContinue
        }

        It 'is one non-terminating error per target, naming the target and the cause' {
            $runErrors.FullyQualifiedErrorId | Should -Be @('TargetEndpointUnreachable,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand', 'TargetCredentialsNotFound,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand')
            ($runErrors | Where-Object { $_.TargetObject -eq 'unreachable' }).Exception.Message | Should -Be "Target 'unreachable': Cannot connect to http://127.0.0.1:9: 127.0.0.1:9 refused the connection: nothing listens on that port, or a firewall rejects it. Nothing was read from it."
            ($runErrors | Where-Object { $_.TargetObject -eq 'nokeys' }).Exception.Message | Should -BeLike "*S3AUDIT_PESTER_UNSET_AK*"
        }

        It 'leaves a TargetFailed row (Check audit, Result Unknown) per failed target in the output and the JSON report' {
            $failed = @($findings | Where-Object Rule -eq 'TargetFailed')
            $failed.Target | Should -Be @('unreachable', 'nokeys')
            $failed | ForEach-Object { $_.Check | Should -Be 'audit'; $_.Result | Should -Be 'Unknown'; $_.BucketName | Should -Be '' }
            $failed[0].Detail | Should -BeLike 'The target was not audited (TargetEndpointUnreachable): *refused the connection*'
            $summary.UnknownCount | Should -Be 2
            $report = Get-Content (Get-ChildItem (Join-Path $TestDrive 'reports') -Filter 'run-*.json').FullName -Raw | ConvertFrom-Json
            @($report.Findings | Where-Object Rule -eq 'TargetFailed').Target | Should -Be @('unreachable', 'nokeys')
        }

        It 'never prints the secret' {
            ($runErrors | Out-String) | Should -Not -BeLike '*pester-secret*'
        }

        It 'names the incomplete targets in the summary and a warning' {
            $summary | Should -BeOfType ([S3Audit.S3AuditRunSummary])
            $summary.IncompleteTargets | Should -BeLike 'unreachable (*; nokeys (*'
            ($warnings -join "`n") | Should -Match '2 of 2 target\(s\) incomplete'
        }

        It 'still writes the report atomically where the profile says' {
            $report = Get-ChildItem (Join-Path $TestDrive 'reports') -Filter 'run-*.json'
            $report | Should -HaveCount 1
            (Get-Content $report.FullName -Raw | ConvertFrom-Json).Schema | Should -Be 'S3Audit.AuditReport/1'
            Get-ChildItem (Join-Path $TestDrive 'reports') -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        }
    }

    Context 'Failed targets and buckets against the test server' -Tag 'Server' {
        BeforeAll {
            Assert-S3TestServer
            $mine = New-S3FixtureBucket 'pester-fail-mine'
            $theirs = New-S3FixtureBucket 'pester-fail-theirs' -AsRoot
            $gone = 'pester-fail-gone-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
            $env:S3AUDIT_PESTER_WRONG_SK = 'not-the-secret'
            $path = New-Profile @"
targets:
  - name: rgw
    provider: Ceph
    endpoint: $($env:S3_ENDPOINT)
    region: us-east-1
    accessKeyVariable: S3_ACCESS_KEY
    secretKeyVariable: S3_SECRET_KEY
    buckets:
      include: ['$mine', '$theirs', '$gone']
  - name: wrongsecret
    provider: Ceph
    endpoint: $($env:S3_ENDPOINT)
    region: us-east-1
    accessKeyVariable: S3_ACCESS_KEY
    secretKeyVariable: S3AUDIT_PESTER_WRONG_SK
    buckets:
      include: ['$mine']
checks:
  exposure: true
  posture: true
outputs:
  csv: failed/run.csv
  json: failed/run.json
"@
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $findings = Invoke-S3Audit $path -ErrorVariable runErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $watch.Stop()
            $csv = Import-Csv (Join-Path $TestDrive 'failed/run.csv')
        }
        AfterAll {
            Remove-Item Env:S3AUDIT_PESTER_WRONG_SK -ErrorAction SilentlyContinue
            Remove-S3Fixture
        }

        It 'writes one error per failed target or bucket: a wrong secret, a denied bucket, a missing bucket' {
            Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $watch.Elapsed.TotalSeconds, $runErrors.Count)
            $runErrors | ForEach-Object { "$($_.FullyQualifiedErrorId -replace ',.*') $($_.TargetObject)" } | Sort-Object |
                Should -Be (@("BucketAccessDenied $theirs", "BucketNotFound $gone", 'TargetCredentialsRejected wrongsecret') | Sort-Object)
            ($runErrors | Where-Object TargetObject -eq 'wrongsecret').Exception.Message | Should -BeLike "Target 'wrongsecret': * rejected the credentials: Ceph RGW refused to authenticate the requests*"
            ($runErrors | Where-Object TargetObject -eq $theirs).Exception.Message | Should -BeLike "Target 'rgw': * calls on bucket '$theirs' failed (*): access denied*"
        }

        It 'leaves a row for each in the output and the CSV report, so the report is never clean by failing' {
            foreach ($rows in @($findings), @($csv)) {
                ($rows | Where-Object { $_.Target -eq 'wrongsecret' -and $_.Rule -eq 'TargetFailed' -and $_.Result -eq 'Unknown' }) | Should -HaveCount 1
                ($rows | Where-Object { $_.BucketName -eq $gone -and $_.Rule -eq 'BucketFailed' -and $_.Check -eq 'audit' }) | Should -HaveCount 1
                @($rows | Where-Object { $_.BucketName -eq $theirs -and $_.Result -eq 'Unknown' }).Count | Should -BeGreaterThan 0
            }
        }
    }

    # Tagged Server: excluded by an explicit filter where no endpoint exists; where it runs, a missing endpoint fails.
    # examples/audit.yml runs as a user would run it, from a copy (its reports go next to it), with the variables it
    # names filled from the test server's S3_* settings.
    Context 'examples/audit.yml against the test server' -Tag 'Server' {
        BeforeAll {
            Assert-S3TestServer
            $public = New-S3FixtureBucket 'pester-audit-pub' -Acl 'public-read'
            $private = New-S3FixtureBucket 'pester-audit-priv'
            $saved = @{}
            $values = @{ S3AUDIT_ENDPOINT = $env:S3_ENDPOINT; S3AUDIT_ACCESS_KEY = $env:S3_ACCESS_KEY; S3AUDIT_SECRET_KEY = $env:S3_SECRET_KEY; S3AUDIT_BUCKETS = 'pester-audit-*' }
            foreach ($name in $values.Keys) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
                [Environment]::SetEnvironmentVariable($name, $values[$name])
            }
            $folder = Join-Path $TestDrive 'example'
            $null = New-Item -ItemType Directory $folder
            Copy-Item (Join-Path $PSScriptRoot '../../examples/audit.yml') $folder
            $findings = Invoke-S3Audit (Join-Path $folder 'audit.yml') -InformationVariable info -WarningAction SilentlyContinue
        }
        AfterAll {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            Remove-S3Fixture
        }

        It 'audits both buckets and every finding is a typed row' {
            $findings | Should -Not -BeNullOrEmpty
            $findings | ForEach-Object { $_ | Should -BeOfType ([S3Audit.S3AuditFinding]) }
            $findings.BucketName | Sort-Object -Unique | Should -Be (@($private, $public) | Sort-Object)
        }

        It 'finds the public-read bucket public and the private one not' {
            $findings | Where-Object { $_.BucketName -eq $public -and $_.Rule -eq 'PublicAcl' -and $_.Result -eq 'Fail' } | Should -Not -BeNullOrEmpty
            $findings | Where-Object { $_.BucketName -eq $private -and $_.Rule -eq 'PublicAcl' -and $_.Result -eq 'Fail' } | Should -BeNullOrEmpty
        }

        It 'filters by severity as an ordered enum' {
            $high = $findings | Where-Object Severity -ge High
            $high | Should -Not -BeNullOrEmpty
            $high | ForEach-Object { [int]$_.Severity | Should -BeGreaterOrEqual ([int][S3Audit.S3AuditSeverity]::High) }
        }

        It 'writes the CSV and JSON reports next to the profile' {
            Get-ChildItem (Join-Path $folder 'reports') -Filter 's3audit-*.csv' | Should -HaveCount 1
            Get-ChildItem (Join-Path $folder 'reports') -Filter 's3audit-*.json' | Should -HaveCount 1
        }
    }
    # Issue 13: one public bucket, one severity, whichever cmdlet reports it; the summary counts what the rows say.
    Context 'one severity per public bucket across cmdlets on the test server' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            $readable = New-S3FixtureBucket 'pester-one-pub' -Acl 'public-read'
            $writable = New-S3FixtureBucket 'pester-one-pubw' -Acl 'public-read-write'
            $saved = $env:PESTER_SEV_AK, $env:PESTER_SEV_SK
            $env:PESTER_SEV_AK = $env:S3_ACCESS_KEY; $env:PESTER_SEV_SK = $env:S3_SECRET_KEY
            $path = New-Profile @"
targets:
  - name: rgw
    provider: Ceph
    endpoint: $($env:S3_ENDPOINT)
    region: us-east-1
    accessKeyVariable: PESTER_SEV_AK
    secretKeyVariable: PESTER_SEV_SK
    buckets: { include: ['$readable', '$writable'] }
checks: { exposure: true, posture: true, logging: true }
thresholds: { minimumSeverity: Low, failOn: High }
"@
            $findings = @(Invoke-S3Audit $path -InformationVariable info -WarningAction SilentlyContinue)
            $summary = ($info | Where-Object Tags -contains 'S3AuditSummary').MessageData
        }
        AfterAll {
            $env:PESTER_SEV_AK, $env:PESTER_SEV_SK = $saved
            Remove-S3Fixture
        }

        It 'rates <Bucket> <Expected> in Get-S3AuditBucket -Detailed, Test-S3PublicExposure -Detailed and Invoke-S3Audit' -ForEach @(
            @{ Bucket = 'readable'; Expected = 'High' }
            @{ Bucket = 'writable'; Expected = 'Critical' }
        ) {
            $name = Get-Variable $Bucket -ValueOnly
            (Get-S3AuditBucket @connection $name -Detailed | Where-Object CheckId -eq PublicExposure).Severity | Should -Be $Expected
            (Test-S3PublicExposure @connection $name -Detailed | Where-Object Exposure -eq Public | Sort-Object Severity -Descending | Select-Object -First 1).Severity | Should -Be $Expected
            ($findings | Where-Object { $_.BucketName -eq $name -and $_.Check -eq 'exposure' } | Sort-Object Severity -Descending | Select-Object -First 1).Severity | Should -Be $Expected
        }

        It 'counts in the summary what the rows say' {
            $fail = @($findings | Where-Object Result -eq Fail)
            $summary.CriticalCount | Should -Be @($fail | Where-Object Severity -eq Critical).Count
            $summary.CriticalCount | Should -BeGreaterThan 0
            $summary.HighCount | Should -Be @($fail | Where-Object Severity -eq High).Count
            $summary.MediumCount | Should -Be @($fail | Where-Object Severity -eq Medium).Count
            $summary.UnknownCount | Should -Be @($findings | Where-Object Result -eq Unknown).Count
        }

        It 'sorts and filters by severity: Critical first, -ge High only High and Critical' {
            (@($findings | Sort-Object Severity -Descending))[0].Severity | Should -Be 'Critical'
            @($findings | Where-Object Severity -ge High | Where-Object { $_.Severity -notin 'High', 'Critical' }) | Should -BeNullOrEmpty
            @($findings | Where-Object Severity -ge High).Count | Should -Be ($summary.CriticalCount + $summary.HighCount + @($findings | Where-Object { $_.Result -eq 'Unknown' -and $_.Severity -ge 'High' }).Count)
        }
    }
}
