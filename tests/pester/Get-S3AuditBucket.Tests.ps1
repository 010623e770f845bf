#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The PowerShell surface of Get-S3AuditBucket.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $command = Get-Command Get-S3AuditBucket
}

Describe 'Get-S3AuditBucket' {
    It 'is exported with its output types' {
        $command.CommandType | Should -Be 'Cmdlet'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3AuditBucket'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3AuditBucketFinding'
    }

    It 'declares its own parameters and the common connection parameters' {
        foreach ($name in 'BucketName', 'RequireKms', 'RequireObjectLock', 'Detailed', 'EndpointUrl', 'Credential', 'Provider') {
            $command.Parameters.Keys | Should -Contain $name
        }

        $command.Parameters['RequireKms'].ParameterType | Should -Be ([switch])
    }

    It 'binds BucketName from the pipeline by value and by property name' {
        $attribute = $command.Parameters['BucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'changes nothing, so it does not offer -WhatIf' {
        $command.Parameters.Keys | Should -Not -Contain 'WhatIf'
    }

    It 'has table views and help' {
        (Get-FormatData -TypeName S3Audit.S3AuditBucket).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name } | Should -Contain 'TableControl'
        (Get-FormatData -TypeName S3Audit.S3AuditBucketFinding) | Should -Not -BeNullOrEmpty
        @((Get-Help Get-S3AuditBucket -Full).Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    Context 'against the test server (bash tests/run-tests.sh exports S3_ENDPOINT)' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
        }

        It 'reads each piped bucket once and reports a missing one as BucketNotFound without a row' {
            $bucket = "pester-pos-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            $rows = [pscustomobject]@{ BucketName = $bucket }, [pscustomobject]@{ BucketName = $bucket }
            $results = $rows | Get-S3AuditBucket @connection -ErrorAction SilentlyContinue -ErrorVariable errors
            $results | Should -BeNullOrEmpty
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'BucketNotFound*' }).Count | Should -Be 1
            $errors[0].TargetObject | Should -Be $bucket
        }
    }
}
