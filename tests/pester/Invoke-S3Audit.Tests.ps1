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
            $err = { Invoke-S3Audit -ConfigPath $path } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'AuditConfigInvalid,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidData'
            $err.Exception.Message | Should -BeLike "*$path(3,15): 'provider' in target 'a' must be one of: Aws, Exoscale, Lyve, Minio, Ceph, Generic*"
        }

        It 'rejects a secret written into the file' {
            $path = New-Profile "targets:`n  - name: a`n    provider: Aws`n    secretKey: abc`nchecks:`n  exposure: true`n"
            { Invoke-S3Audit $path } | Should -Throw -ErrorId 'AuditConfigInvalid,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand'
        }

        It 'says how to create a missing file' {
            $err = { Invoke-S3Audit (Join-Path $TestDrive 'missing.yml') } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'AuditConfigNotFound,*'
            $err.Exception.Message | Should -BeLike '*New-S3AuditConfig*'
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

        It 'is a non-terminating error per target, naming the target' {
            $runErrors.FullyQualifiedErrorId | Should -Contain 'TargetConnectionFailed,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand'
            $runErrors.FullyQualifiedErrorId | Should -Contain 'TargetCredentialsNotFound,S3Audit.Commands.Cmdlets.InvokeS3AuditCommand'
            ($runErrors | Where-Object { $_.TargetObject -eq 'nokeys' }).Exception.Message | Should -BeLike "*S3AUDIT_PESTER_UNSET_AK*"
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
}
