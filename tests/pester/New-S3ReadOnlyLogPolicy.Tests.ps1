#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
}

Describe 'New-S3ReadOnlyLogPolicy' {
    It 'is exported with SupportsShouldProcess and declares its output type' {
        $command = Get-Command New-S3ReadOnlyLogPolicy -Module S3Audit
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3PolicyDocument'
    }

    It 'has -BucketName as an alias of the mandatory -TargetBucketName' {
        $parameter = (Get-Command New-S3ReadOnlyLogPolicy).Parameters['TargetBucketName']
        $parameter.Aliases | Should -Contain 'BucketName'
        $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Contain $true
        (Get-Command New-S3ReadOnlyLogPolicy).Parameters['Prefix'].Aliases | Should -Contain 'TargetPrefix'
    }

    It 'writes an AWS policy whose every statement requires TLS and names its actions' {
        $policy = New-S3ReadOnlyLogPolicy -BucketName access-logs -Prefix s3/
        $policy.Provider | Should -Be 'Aws'
        $policy.Name | Should -Be 'S3ReadOnlyLog-access-logs'
        $document = $policy.Document | ConvertFrom-Json
        $document.Statement.Count | Should -Be $policy.StatementCount
        foreach ($statement in $document.Statement) {
            $statement.Condition.Bool.'aws:SecureTransport' | Should -Be 'true'
            @($statement.Action) | Where-Object { $_ -like '*`**' } | Should -BeNullOrEmpty
        }
        ($document.Statement | Where-Object Sid -eq 'ReadLogObjects').Resource | Should -Be 'arn:aws:s3:::access-logs/s3/*'
    }

    It 'binds the log bucket, not the source bucket, from Enable-S3AccessLogging-shaped output' {
        $result = [pscustomobject]@{ BucketName = 'backups'; TargetBucketName = 'access-logs'; TargetPrefix = 'backups/' }
        $policy = $result | New-S3ReadOnlyLogPolicy
        $policy.BucketName | Should -Be 'access-logs'
        $policy.Prefix | Should -Be 'backups/'
    }

    It 'binds BucketName by property name when there is no TargetBucketName' {
        ([pscustomobject]@{ BucketName = 'audit-logs' } | New-S3ReadOnlyLogPolicy).BucketName | Should -Be 'audit-logs'
        ('logs-a', 'logs-b' | New-S3ReadOnlyLogPolicy).BucketName | Should -Be @('logs-a', 'logs-b')
    }

    It 'adds delete on the prefix only with -AllowPurge' {
        $document = (New-S3ReadOnlyLogPolicy -BucketName access-logs -Prefix s3/ -AllowPurge).Document | ConvertFrom-Json
        ($document.Statement | Where-Object Sid -eq 'PurgeLogObjects').Resource | Should -Be 'arn:aws:s3:::access-logs/s3/*'
    }

    It 'writes Exoscale and Lyve formats' {
        $exo = (New-S3ReadOnlyLogPolicy -BucketName audit-logs -Provider Exoscale).Document | ConvertFrom-Json
        $exo.'default-service-strategy' | Should -Be 'deny'
        $exo.services.sos.rules[1].expression | Should -Be "!(parameters.bucket == 'audit-logs')"
        $lyve = (New-S3ReadOnlyLogPolicy -BucketName audit-logs -Provider Lyve).Document | ConvertFrom-Json
        $lyve.type | Should -Be 'bucket-names'
        $lyve.actions | Should -Be 'read-only'
    }

    It 'warns about what a provider cannot express' {
        $null = New-S3ReadOnlyLogPolicy -BucketName audit-logs -Prefix a/ -Provider Lyve -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'rejects a provider it has no format for' {
        { New-S3ReadOnlyLogPolicy -BucketName logs -Provider Generic } | Should -Throw -ErrorId 'ParameterArgumentValidationError,S3Audit.Commands.Cmdlets.NewS3ReadOnlyLogPolicyCommand'
    }

    It 'New-S3ReadOnlyLogPolicy -Provider Ceph (and Minio) writes the AWS policy, which RGW and MinIO take' {
        $aws = New-S3ReadOnlyLogPolicy -BucketName access-logs -Prefix rgw/
        foreach ($provider in 'Ceph', 'Minio') {
            $policy = New-S3ReadOnlyLogPolicy -BucketName access-logs -Prefix rgw/ -Provider $provider
            $policy.Provider | Should -Be $provider
            $policy.Document | Should -Be $aws.Document
            ($policy.Document | ConvertFrom-Json).Statement.Action | Should -Contain 's3:GetObject'
        }
    }

    It 'says that Ceph has no AWS KMS instead of writing a KMS statement' {
        $policy = New-S3ReadOnlyLogPolicy -BucketName access-logs -Provider Ceph -KmsKeyArn 'arn:aws:kms:us-east-1:111122223333:key/k1' -WarningVariable warned -WarningAction SilentlyContinue
        $policy.Document | Should -Not -BeLike '*kms:*'
        $warned | Should -BeLike '*Ceph has no AWS KMS: -KmsKeyArn is not in the policy*'
    }

    It 'names the bad value without a .NET parameter name' {
        New-S3ReadOnlyLogPolicy -BucketName 'bad name!' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.FullyQualifiedErrorId | Should -Be 'InvalidArgument,S3Audit.Commands.Cmdlets.NewS3ReadOnlyLogPolicyCommand'
        $bad.Exception.Message | Should -Be "'bad name!' is not a bucket name (letters, digits, '.', '-' and '_', 3 to 255 characters)."
    }

    It 'writes nothing with -WhatIf' {
        New-S3ReadOnlyLogPolicy -BucketName access-logs -WhatIf | Should -BeNullOrEmpty
    }

    It 'reports a bad bucket name as a non-terminating InvalidArgument error' {
        New-S3ReadOnlyLogPolicy -BucketName 'bad"name' -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
    }
}
