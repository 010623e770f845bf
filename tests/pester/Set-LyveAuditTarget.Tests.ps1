#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
}

Describe 'Set-LyveAuditTarget' {
    Context 'Command surface' -Tag 'CI' {
        BeforeAll { $command = Get-Command Set-LyveAuditTarget }

        It 'is exported, supports -WhatIf and declares LyveAuditTarget' {
            $command.Module.Name | Should -Be 'S3Audit'
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.OutputType.Type | Should -Contain ([S3Audit.LyveAuditTarget])
        }

        It 'has a Create parameter set that needs the retention' {
            $create = $command.ParameterSets | Where-Object Name -eq 'Create'
            ($create.Parameters | Where-Object Name -eq 'RetentionMode').IsMandatory | Should -BeTrue
            ($create.Parameters | Where-Object Name -eq 'RetentionDays').IsMandatory | Should -BeTrue
            ($command.Parameters['RetentionMode'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues |
                Should -Be @('Governance', 'Compliance')
        }

        It 'without -EndpointUrl or -Region: Set-LyveAuditTarget audit -Provider Lyve says what it needs (it never goes to AWS)' {
            $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
            $saved = $env:AWS_REGION, $env:AWS_DEFAULT_REGION
            $env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null
            try {
                $err = { Set-LyveAuditTarget -BucketName audit -Provider Lyve -AccessKey AKID -SecretKey $secret -ErrorAction Stop } | Should -Throw -PassThru
            }
            finally { $env:AWS_REGION, $env:AWS_DEFAULT_REGION = $saved }
            $err.FullyQualifiedErrorId | Should -Be 'InvalidEndpoint,S3Audit.Commands.Cmdlets.SetLyveAuditTargetCommand'
            $err.Exception.Message | Should -Be "-Provider Lyve needs -EndpointUrl or -Region: Lyve has an endpoint per region (https://s3.<region>.lyvecloud.seagate.com), and no region was given (-Region, AWS_REGION or the profile's region)."
        }

        It 'with -Region and no -EndpointUrl: Set-LyveAuditTarget audit -Provider Lyve -Region us-west-1 goes to the Lyve endpoint of the region' {
            $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
            # Offline the name does not resolve; online Lyve rejects these keys: either way one error naming the Lyve endpoint.
            $err = { Set-LyveAuditTarget -BucketName audit -Provider Lyve -Region us-west-1 -AccessKey AKID -SecretKey $secret -ErrorAction Stop } | Should -Throw -PassThru
            $err.Exception.Message | Should -BeLike '*https://s3.us-west-1.lyvecloud.seagate.com*'
            $err.Exception.Message | Should -Not -BeLike '*amazonaws*'
        }

        It 'refuses providers other than Lyve Cloud' {
            $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
            { Set-LyveAuditTarget -BucketName audit -Provider Ceph -EndpointUrl 'http://127.0.0.1:9' -AccessKey AKID -SecretKey $secret -ErrorAction Stop } |
                Should -Throw -ErrorId 'FeatureNotSupported,S3Audit.Commands.Cmdlets.SetLyveAuditTargetCommand'
        }
    }

    Context 'Against Ceph RGW declared as Lyve Cloud' -Tag 'Server' {
        BeforeAll {
            $env:S3AUDIT_CONFIG = Join-Path ([IO.Path]::GetTempPath()) ("s3audit-pester-" + [guid]::NewGuid() + '/settings.yml')
            $connection = Get-S3TestConnection
            $connection.Provider = 'Lyve'
        }
        AfterAll {
            Remove-Item Env:S3AUDIT_CONFIG
            Remove-S3Fixture
        }

        It '-Create -WhatIf creates nothing and records nothing' {
            $bucket = 'pester-lyve-' + [guid]::NewGuid().ToString('N').Substring(0, 16)
            $row = Set-LyveAuditTarget $bucket -Create -RetentionMode Governance -RetentionDays 1 -WhatIf @connection -WarningAction SilentlyContinue
            $row.Eligible | Should -BeFalse
            $row.Exists | Should -BeFalse
            Test-Path $env:S3AUDIT_CONFIG | Should -BeFalse
        }

        It '-Create makes an eligible, recorded target that Get-LyveAuditTarget finds' {
            $bucket = 'pester-lyve-' + [guid]::NewGuid().ToString('N').Substring(0, 16)
            Register-S3FixtureBucket $bucket
            $row = Set-LyveAuditTarget $bucket -Create -RetentionMode Governance -RetentionDays 1 -Confirm:$false @connection
            $row.Eligible | Should -BeTrue
            $row.Recorded | Should -BeTrue
            $row.RemainingStep | Should -BeLike '*Settings → Audit Logs → target bucket*'
            $found = Get-LyveAuditTarget $bucket -AccessKey $connection.AccessKey -SecretKey $connection.SecretKey -Provider Lyve
            $found.BucketName | Should -Be $bucket
            $found.Eligible | Should -BeTrue
        }

        It 'writes recordedAt as one ISO 8601 value that Get-LyveAuditTarget reads back' {
            $bucket = 'pester-lyve-' + [guid]::NewGuid().ToString('N').Substring(0, 16)
            Register-S3FixtureBucket $bucket
            $row = Set-LyveAuditTarget $bucket -Create -RetentionMode Governance -RetentionDays 1 -Confirm:$false @connection
            $line = (Get-Content $env:S3AUDIT_CONFIG | Where-Object { $_ -match 'recordedAt:' }) | Select-Object -Last 1
            $line | Should -Match '^  recordedAt: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$'
            (Get-Content $env:S3AUDIT_CONFIG -Raw) | Should -Not -BeLike '*utcDateTime*'
            $found = Get-LyveAuditTarget $bucket -NoValidation
            $found.RecordedAt | Should -Be $row.RecordedAt
            $found.RecordedAt.Year | Should -BeGreaterThan 2000
        }

        It 'says why a bucket without object lock is not eligible' {
            $bucket = New-S3FixtureBucket 'pester-plain'
            $row = Set-LyveAuditTarget $bucket @connection -WarningAction SilentlyContinue
            $row.Eligible | Should -BeFalse
            $row.Reasons | Should -BeLike '*Object lock is not enabled*'
            $row.Recorded | Should -BeFalse
        }
    }
}
