#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
}

Describe 'Disable-S3AccessLogging' {
    Context 'Command surface' -Tag 'CI' {
        BeforeAll { $command = Get-Command Disable-S3AccessLogging }

        It 'is exported, supports -WhatIf and declares its output type' {
            $command.Module.Name | Should -Be 'S3Audit'
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.OutputType.Type | Should -Contain ([S3Audit.S3AccessLoggingResult])
        }

        It 'takes BucketName from the pipeline and TargetBucketName by property name' {
            $bucket = $command.Parameters['BucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $bucket.ValueFromPipeline | Should -BeTrue
            $bucket.ValueFromPipelineByPropertyName | Should -BeTrue
            ($command.Parameters['TargetBucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -BeTrue
            $command.Parameters.Keys | Should -Contain 'RemovePermission'
        }
    }

    Context 'Against Ceph RGW' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            $source = New-S3FixtureBucket 'pester-dsrc'
            $target = New-S3FixtureBucket 'pester-dlogs'
            $unrelated = '{"Sid":"KeepMe","Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/test"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::' + $target + '/*"}'
            $null = Invoke-S3Fixture putPolicy @{ bucket = $target; policy = '{"Version":"2012-10-17","Statement":[' + $unrelated + ']}' }
            $null = Enable-S3AccessLogging $source $target -Confirm:$false @connection
        }
        AfterAll { Remove-S3Fixture }

        It 'pipes the Enable result into Disable -RemovePermission and keeps the other statement' {
            $row = Enable-S3AccessLogging $source $target -PassThru -Confirm:$false @connection |
                Disable-S3AccessLogging -RemovePermission -PassThru -Confirm:$false @connection
            $row.Action | Should -Be 'Disabled'
            $row.PermissionChanged | Should -BeTrue
            $policy = (Invoke-S3Fixture getPolicy @{ bucket = $target }).policy | ConvertFrom-Json
            @($policy.Statement).Count | Should -Be 1
            $policy.Statement[0].Sid | Should -Be 'KeepMe'
        }

        It 'reports AlreadyDisabled when there is nothing to do' {
            (Disable-S3AccessLogging $source -PassThru -Confirm:$false @connection).Action | Should -Be 'AlreadyDisabled'
        }
    }
}
