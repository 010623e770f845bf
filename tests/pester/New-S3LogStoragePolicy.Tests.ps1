#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

Describe 'New-S3LogStoragePolicy' {
    It 'is exported with SupportsShouldProcess, -AllowDelete and the shared parameters' {
        $command = Get-Command New-S3LogStoragePolicy -Module S3Audit
        foreach ($name in 'WhatIf', 'Confirm', 'TargetBucketName', 'Prefix', 'AllowDelete', 'KmsKeyArn', 'Provider', 'Name') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.Parameters.Keys | Should -Not -Contain 'AllowPurge'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3PolicyDocument'
    }

    It 'lets the writer put, get and list but not delete by default' {
        $document = (New-S3LogStoragePolicy -BucketName logscale-storage -Prefix humio/).Document | ConvertFrom-Json
        $actions = $document.Statement.Action
        $actions | Should -Contain 's3:PutObject'
        $actions | Should -Contain 's3:GetObject'
        $actions | Should -Contain 's3:ListBucket'
        $actions | Should -Not -Contain 's3:DeleteObject'
        ($document.Statement | Where-Object Sid -eq 'ListStoredObjects').Condition.StringLike.'s3:prefix' | Should -Be 'humio/*'
    }

    It 'adds delete and KMS only when asked' {
        $document = (New-S3LogStoragePolicy -BucketName backups -AllowDelete -KmsKeyArn arn:aws:kms:eu-west-1:111122223333:key/abcd).Document | ConvertFrom-Json
        $document.Statement.Action | Should -Contain 's3:DeleteObject'
        $document.Statement.Action | Should -Contain 'kms:GenerateDataKey'
    }

    It 'binds TargetBucketName before BucketName from the pipeline' {
        ([pscustomobject]@{ BucketName = 'src'; TargetBucketName = 'dest' } | New-S3LogStoragePolicy).BucketName | Should -Be 'dest'
    }

    It 'writes nothing with -WhatIf' {
        New-S3LogStoragePolicy -BucketName backups -WhatIf | Should -BeNullOrEmpty
    }

    It 'uses all-operations for a Lyve writer' {
        ((New-S3LogStoragePolicy -BucketName backups -Provider Lyve -AllowDelete).Document | ConvertFrom-Json).actions | Should -Be 'all-operations'
    }
}
