# Pester 5. Runs against the built module: dotnet build -c Release, then Invoke-Pester ./tests/pester
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
    $command = Get-Command Export-S3AuditReport -Module S3Audit

    function New-Finding([string] $Bucket, [string] $Severity = 'High', [string] $Rule = 'PublicAcl') {
        [S3Audit.S3AuditFinding]@{
            Target = 'prod'; BucketName = $Bucket; Check = 'exposure'; Rule = $Rule; Severity = $Severity; Result = 'Fail'
            Status = 'New'; Detail = "Detail of $Bucket"; Remediation = "Fix $Bucket"; FirstSeen = [DateTimeOffset]'2026-11-21T02:00:00Z'; Provider = 'Ceph'
        }
    }

    function Get-ReportRow([string] $Path) {
        [regex]::Matches((Get-Content -LiteralPath $Path -Raw), '<tr id="f\d+"[^>]*>.*?</tr>') | ForEach-Object Value
    }

    # A profile whose only target cannot be reached: a real run with a summary (incomplete target) and no findings.
    function New-UnreachableProfile([string] $Outputs) {
        $path = Join-Path $TestDrive ('audit-{0}.yml' -f [guid]::NewGuid().ToString('N'))
        $env:S3AUDIT_PESTER_AK = 'AKIDPESTER'; $env:S3AUDIT_PESTER_SK = 'pester-secret'
        Set-Content -LiteralPath $path -Encoding utf8 -Value @"
targets:
  - name: unreachable
    provider: Ceph
    endpoint: http://127.0.0.1:9
    accessKeyVariable: S3AUDIT_PESTER_AK
    secretKeyVariable: S3AUDIT_PESTER_SK
checks:
  exposure: true
$Outputs
"@
        $path
    }
}

Describe 'Export-S3AuditReport' {
    Context 'Command surface' {
        It 'is exported, supports -WhatIf and -Confirm, and outputs FileInfo with -PassThru' {
            $command | Should -Not -BeNullOrEmpty
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
            $command.OutputType.Type | Should -Contain ([System.IO.FileInfo])
        }

        It 'takes -Path first, findings from the pipeline, or -InputPath in its own set' {
            $command.Parameters['Path'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Position | Should -Be 0
            $command.Parameters['InputObject'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipeline | Should -Be $true
            $command.ParameterSets.Name | Should -Be @('Pipeline', 'InputPath')
        }
    }

    Context 'From the pipeline' {
        It 'writes one row per piped finding, with the summary passed by -Summary' {
            $findings = 'b1', 'b2', 'b3' | ForEach-Object { New-Finding $_ }
            $summary = [S3Audit.S3AuditRunSummary]@{ ConfigPath = '/etc/nightly.yml'; StartTime = [DateTimeOffset]'2026-11-21T02:00:00Z'; EndTime = [DateTimeOffset]'2026-11-21T02:01:00Z'; TargetCount = 1; CompleteTargets = 'prod'; FindingCount = 3; HighCount = 3; FailOn = 'High'; ThresholdExceeded = $true }
            $path = Join-Path $TestDrive 'piped.html'
            $file = $findings | Export-S3AuditReport $path -Summary $summary -PassThru
            $file | Should -BeOfType ([System.IO.FileInfo])
            $file.FullName | Should -Be $path
            Get-ReportRow $path | Should -HaveCount 3
            $html = Get-Content $path -Raw
            $html | Should -Match '<title>S3Audit report: nightly.yml, 2026-11-21</title>'
            $html | Should -Match 'Threshold exceeded: 3 open finding\(s\) at High or above'
            Get-ChildItem $TestDrive -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        }

        It 'takes the summary from Invoke-S3Audit''s information stream (6>&1)' {
            $profile = New-UnreachableProfile ''
            $path = Join-Path $TestDrive 'from-invoke.html'
            Invoke-S3Audit $profile -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>&1 | Export-S3AuditReport $path
            $html = Get-Content $path -Raw
            $html | Should -Match '1 of 1 target\(s\) could not be audited completely'
            $html | Should -Match '<li>unreachable \(Target'
            $html | Should -Match ([regex]::Escape($profile))
        }

        It 'reports anything else on the pipeline as an error and still writes the page' {
            $path = Join-Path $TestDrive 'mixed.html'
            @((New-Finding 'ok'), 'not a finding', (Get-Date)) | Export-S3AuditReport $path -ErrorVariable bad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $bad | Should -HaveCount 2
            $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidReportInput,S3Audit.Commands.Cmdlets.ExportS3AuditReportCommand'
            Get-ReportRow $path | Should -HaveCount 1
        }

        It 'says what it is missing when given nothing' {
            $path = Join-Path $TestDrive 'empty.html'
            @() | Export-S3AuditReport $path -WarningVariable warned -WarningAction SilentlyContinue
            ($warned -join ' ') | Should -Match 'No findings and no run summary'
            Get-Content $path -Raw | Should -Match 'No findings\.'
        }

        It 'sorts in the pipeline do not matter: the page lists the worst first' {
            $path = Join-Path $TestDrive 'order.html'
            (New-Finding 'low' 'Low' 'VersioningOff'), (New-Finding 'crit' 'Critical'), (New-Finding 'med' 'Medium') | Export-S3AuditReport $path
            (Get-ReportRow $path) | ForEach-Object { [regex]::Match($_, 'class="sv s\d">(\w+)<').Groups[1].Value } | Should -Be @('Critical', 'Medium', 'Low')
        }
    }

    Context 'Files' {
        BeforeAll {
            $profile = New-UnreachableProfile "outputs:`n  json: reports/run-{date}.json`n  html: reports/run-{date}.html`n"
            Invoke-S3Audit $profile -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationVariable information
            $summary = ($information | Where-Object { $_.Tags -contains 'S3AuditSummary' }).MessageData
            $json = Get-ChildItem (Join-Path $TestDrive 'reports') -Filter 'run-*.json' | Select-Object -First 1
        }

        It 'writes the profile''s outputs.html atomically and lists it in the summary' {
            $html = Get-ChildItem (Join-Path $TestDrive 'reports') -Filter 'run-*.html'
            $html | Should -HaveCount 1
            $html.Name | Should -Be ('run-{0:yyyy-MM-dd}.html' -f $summary.StartTime.UtcDateTime)
            $summary.OutputFiles -split '; ' | Should -Contain $html.FullName
            Get-Content $html.FullName -Raw | Should -Match 'Content-Security-Policy'
            Get-ChildItem (Join-Path $TestDrive 'reports') -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        }

        It 'makes the page of an earlier JSON report with -InputPath' {
            $path = Join-Path $TestDrive 'from-json.html'
            Export-S3AuditReport $path -InputPath $json.FullName
            Get-Content $path -Raw | Should -Match '<li>unreachable \(Target'
        }

        It 'writes nothing with -WhatIf' {
            $path = Join-Path $TestDrive 'whatif.html'
            Export-S3AuditReport $path -InputPath $json.FullName -WhatIf
            Test-Path $path | Should -BeFalse
        }

        It 'keeps an existing file with -NoClobber' {
            $path = Join-Path $TestDrive 'keep.html'
            Set-Content $path 'mine'
            Export-S3AuditReport $path -InputPath $json.FullName -NoClobber -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'ReportFileExists,S3Audit.Commands.Cmdlets.ExportS3AuditReportCommand'
            Get-Content $path | Should -Be 'mine'
        }

        It 'stops on a missing or foreign -InputPath with its own error id' {
            { Export-S3AuditReport (Join-Path $TestDrive 'x.html') -InputPath (Join-Path $TestDrive 'none.json') } | Should -Throw -ErrorId 'ReportInputNotFound,S3Audit.Commands.Cmdlets.ExportS3AuditReportCommand'
            $foreign = Join-Path $TestDrive 'foreign.json'
            Set-Content $foreign '{"Findings": []}'
            $err = { Export-S3AuditReport (Join-Path $TestDrive 'x.html') -InputPath $foreign } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -Be 'ReportInputInvalid,S3Audit.Commands.Cmdlets.ExportS3AuditReportCommand'
            $err.Exception.Message | Should -BeLike "*$foreign*not an S3Audit JSON report*"
        }
    }

    # The help examples, run as written in a folder holding audit.yml (examples/audit.yml against the test RGW) and
    # the JSON report of a run; Examples.Tests.ps1 runs them too, this checks what they write.
    Context 'Help examples against the test server' -Tag 'Server' {
        BeforeAll {
            Assert-S3TestServer
            $public = New-S3FixtureBucket 'pester-export' -Acl 'public-read'
            $env:S3AUDIT_ENDPOINT = $env:S3_ENDPOINT; $env:S3AUDIT_ACCESS_KEY = $env:S3_ACCESS_KEY; $env:S3AUDIT_SECRET_KEY = $env:S3_SECRET_KEY
            $env:S3AUDIT_BUCKETS = $public
            $folder = Join-Path $TestDrive 'examples'
            $null = New-Item -ItemType Directory $folder
            Copy-Item (Join-Path $PSScriptRoot '../../examples/audit.yml') $folder
            Push-Location $folder
            Invoke-S3Audit ./audit.yml | Out-Null
            $examples = @((Get-Help Export-S3AuditReport -Examples).Examples.Example)
        }
        AfterAll {
            Pop-Location
            Remove-Item Env:S3AUDIT_ENDPOINT, Env:S3AUDIT_ACCESS_KEY, Env:S3AUDIT_SECRET_KEY, Env:S3AUDIT_BUCKETS -ErrorAction SilentlyContinue
            Remove-S3Fixture
        }

        It 'has four examples' {
            $examples | Should -HaveCount 4
        }

        It 'example 1 writes the run and its findings in one line' {
            & ([scriptblock]::Create($examples[0].Code))
            $html = Get-Content ./audit-report.html -Raw
            $html | Should -Match ([regex]::Escape("<td>$public<td>exposure<td>PublicAcl<td>"))
            $html | Should -Match 'Threshold exceeded'
        }

        It 'example 2 makes the page of the JSON report and returns the file' {
            $file = & ([scriptblock]::Create($examples[1].Code))
            $file.Name | Should -Be 'report.html'
            $json = Get-ChildItem ./reports -Filter 's3audit-*.json' | Select-Object -First 1
            (Get-ReportRow ./report.html).Count | Should -Be (Get-Content $json.FullName -Raw | ConvertFrom-Json).Findings.Count
        }

        It 'example 3 writes only the High findings and says how many of the run it shows' {
            & ([scriptblock]::Create($examples[2].Code))
            $rows = Get-ReportRow ./high.html
            $rows | Should -Not -BeNullOrEmpty
            $rows | ForEach-Object { $_ | Should -Match 'class="sv s[45]">(High|Critical)<' }
            Get-Content ./high.html -Raw | Should -Match "This page shows $($rows.Count) of the run's \d+ open findings"
        }

        It 'example 4 writes nothing' {
            $before = (Get-Item ./report.html).LastWriteTimeUtc
            & ([scriptblock]::Create($examples[3].Code))
            (Get-Item ./report.html).LastWriteTimeUtc | Should -Be $before
        }
    }
}
