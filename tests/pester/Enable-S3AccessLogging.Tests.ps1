#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
}

Describe 'Enable-S3AccessLogging' {
    Context 'Command surface' -Tag 'CI' {
        BeforeAll { $command = Get-Command Enable-S3AccessLogging }

        It 'is exported by the module' {
            $command.Module.Name | Should -Be 'S3Audit'
            $command.CommandType | Should -Be 'Cmdlet'
        }

        It 'supports -WhatIf and -Confirm with a high impact' {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
            $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        }

        It 'takes BucketName at position 0 from the pipeline by value and by property name' {
            $attribute = $command.Parameters['BucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $attribute.Position | Should -Be 0
            $attribute.Mandatory | Should -BeTrue
            $attribute.ValueFromPipeline | Should -BeTrue
            $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        }

        It 'has the parameters of the issue' {
            foreach ($name in 'TargetBucketName', 'TargetPrefix', 'PartitionedPrefix', 'PartitionDateSource', 'UseAclGrant', 'PassThru', 'Force') {
                $command.Parameters.Keys | Should -Contain $name
            }
            ($command.Parameters['PartitionDateSource'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues |
                Should -Be @('EventTime', 'DeliveryTime')
        }

        It 'declares S3AccessLoggingResult as its output type' {
            $command.OutputType.Type | Should -Contain ([S3Audit.S3AccessLoggingResult])
        }
    }

    Context 'Provider refusals' -Tag 'CI' {
        It 'refuses <Provider> with FeatureNotSupported' -TestCases @(
            @{ Provider = 'Exoscale'; Text = 'Start-S3AuditProxy' }
            @{ Provider = 'Lyve'; Text = 'Set-LyveAuditTarget' }
            @{ Provider = 'Minio'; Text = 'audit webhook' }
        ) {
            param($Provider, $Text)
            $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
            { Enable-S3AccessLogging -BucketName src -TargetBucketName logs -Provider $Provider -EndpointUrl 'http://127.0.0.1:9' -AccessKey AKID -SecretKey $secret -Region us-east-1 -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'FeatureNotSupported,S3Audit.Commands.Cmdlets.EnableS3AccessLoggingCommand' -ExpectedMessage "*$Text*"
        }
    }

    Context 'Against Ceph RGW' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            $source = New-S3FixtureBucket 'pester-src'
            $target = New-S3FixtureBucket 'pester-logs'
        }
        AfterAll { Remove-S3Fixture }

        It '-WhatIf makes no write request and returns a WhatIf row with -PassThru' {
            $since = Get-RgwOpsLogLength
            $row = Enable-S3AccessLogging -BucketName $source -TargetBucketName $target -WhatIf -PassThru @connection
            $row.Action | Should -Be 'WhatIf'
            $row.PermissionChanged | Should -BeFalse
            Get-RgwWrite $since $source, $target | Should -BeNullOrEmpty
        }

        It 'binds BucketName and TargetBucketName from piped objects by property name' {
            $row = [pscustomobject]@{ BucketName = $source; TargetBucketName = $target } | Enable-S3AccessLogging -PassThru -Confirm:$false @connection
            $row.BucketName | Should -Be $source
            $row.TargetBucketName | Should -Be $target
            $row.TargetPrefix | Should -Be "$source/"
            $row.Action | Should -Be 'Enabled'
            $row.PolicyStatementId | Should -Be 'S3AuditLogDelivery'
        }

        It 'writes nothing on a second identical run' {
            $since = Get-RgwOpsLogLength
            $row = Enable-S3AccessLogging $source $target -PassThru -Confirm:$false @connection
            $row.Action | Should -Be 'AlreadyEnabled'
            Get-RgwWrite $since $source, $target | Should -BeNullOrEmpty
        }

        It 'names the rule when the target is the source' {
            Enable-S3AccessLogging $source $source -Confirm:$false @connection -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'AccessLoggingTargetIsSource*'
            $failures[0].Exception.Message | Should -BeLike "*target is not the source*"
        }
    }
}
