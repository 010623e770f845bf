BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ViewAssertions.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
    Import-S3AuditModule
}

Describe 'Get-S3AuditAcl parameters' -Tag 'CI' {
    BeforeAll { $command = Get-Command Get-S3AuditAcl }

    It 'takes -BucketName at position 0, from the pipeline by value and by property name, with wildcards' {
        $p = $command.Parameters['BucketName']
        $attribute = $p.Attributes | Where-Object { $_ -is [Parameter] }
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $p.Attributes | Where-Object { $_ -is [SupportsWildcards] } | Should -Not -BeNullOrEmpty
    }

    It 'binds -Key by property name' {
        ($command.Parameters['Key'].Attributes | Where-Object { $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'limits -ThrottleLimit to 1..64' {
        { Get-S3AuditAcl -BucketName b -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,S3Audit.Commands.Cmdlets.GetS3AuditAclCommand'
    }

    It 'an unreachable endpoint is one terminating EndpointUnreachable, not one error per bucket' {
        $port = Get-RefusedPort
        $run = Invoke-Counted { Get-S3AuditAcl -BucketName a, b -EndpointUrl "http://127.0.0.1:$port" -AccessKey AKID -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -Provider Ceph }
        Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
        $run.Errors.Count | Should -Be 1
        $run.Terminating.FullyQualifiedErrorId | Should -Be 'EndpointUnreachable,S3Audit.Commands.Cmdlets.GetS3AuditAclCommand'
    }

    It 'stops with CredentialsNotFound for a profile that does not exist' {
        { Get-S3AuditAcl -BucketName b -ProfileName 'no-such-profile-s3audit' -ProfileLocation (Join-Path $TestDrive 'none') -ErrorAction Stop } |
            Should -Throw -ErrorId 'CredentialsNotFound,S3Audit.Commands.Cmdlets.GetS3AuditAclCommand'
    }
}

# Tagged Server: excluded by an explicit filter where no endpoint exists; where it runs, every prerequisite that is
# missing fails the block with the reason, never a silent skip.
Describe 'Get-S3AuditAcl against a test endpoint' -Tag 'Server' {
    BeforeAll {
        # S3Audit only reads; the fixture bucket is made by the suite's fixture helper.
        $connection = Get-S3TestConnection
        $bucket = New-S3FixtureBucket 'pester-acl' -Acl 'public-read'
    }
    AfterAll { Remove-S3Fixture }

    It 'emits S3AuditAclGrant rows with public grants flagged' {
        $rows = Get-S3AuditAcl -BucketName $bucket @connection
        $rows | Should -Not -BeNullOrEmpty
        $rows[0].PSObject.TypeNames[0] | Should -Be 'S3Audit.S3AuditAclGrant'
        ($rows | Where-Object IsPublic).PublicGroup | Should -Contain 'AllUsers'
    }

    It 'binds BucketName by property name from piped objects' {
        $rows = [pscustomobject]@{ BucketName = $bucket } | Get-S3AuditAcl @connection
        $rows.BucketName | Sort-Object -Unique | Should -Be $bucket
    }

    It 'writes a non-terminating BucketNotFound error and goes on' {
        $rows = Get-S3AuditAcl -BucketName 'no-such-bucket-pester' @connection -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'BucketNotFound,S3Audit.Commands.Cmdlets.GetS3AuditAclCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'no-such-bucket-pester'
    }

    It 'formats as a table' {
        $text = Get-S3AuditAcl -BucketName $bucket @connection | Out-String
        $text | Should -Match 'Permission'
        $text | Should -Match 'IsPublic'
    }

    It 'shows at 80 columns who (AllUsers), what and whether it is public, without a group header (issue 13)' {
        $rows = @(Get-S3AuditAcl $bucket @connection)
        $text = Format-S3AuditView -InputObject $rows -Width 80
        Assert-S3AuditTableFits -Text $text -Width 80 -RowCount $rows.Count -Column 'BucketName', 'Key', 'GranteeName', 'Permission', 'IsPublic' -WholeValue 'AllUsers', 'FULL_CONTROL', 'READ', 'True'
        $text | Should -Not -Match 'BucketName:'
    }
}

Describe 'Get-S3AuditAcl -Recurse on the test server (issue 13)' -Tag 'Server' {
    BeforeAll {
        $connection = Get-S3TestConnection
        $bucket = New-S3FixtureBucket 'pester-acl-order'
        $keys = foreach ($i in 1..40) { 'k{0:d3}' -f $i }
        # Written out of order, a few public: the listing (key) order is what the rows follow.
        foreach ($key in $keys | Sort-Object { Get-Random }) {
            $acl = if ($key -in 'k007', 'k023') { 'public-read' } else { 'private' }
            Write-S3FixtureObject -BucketName $bucket -Key $key -Content 'x' -Acl $acl
        }
    }
    AfterAll { Remove-S3Fixture }

    It 'writes the object rows in key order, the same on every run, whatever the 16 parallel reads do' {
        $runs = foreach ($run in 1..3) { ,@(Get-S3AuditAcl $bucket @connection -Recurse -ThrottleLimit 16 | Where-Object Key | ForEach-Object Key | Select-Object -Unique) }
        foreach ($order in $runs) { ($order -join ',') | Should -BeExactly ($keys -join ',') }
    }

    It 'lets Where-Object IsPublic pick the public objects, and the view fits 80 and 120 columns' {
        $rows = @(Get-S3AuditAcl $bucket @connection -Recurse)
        @($rows | Where-Object IsPublic).Key | Should -Be @('k007', 'k023')
        foreach ($width in 80, 120) {
            Assert-S3AuditTableFits -Text (Format-S3AuditView -InputObject $rows -Width $width) -Width $width -RowCount $rows.Count -Column 'BucketName', 'Key', 'GranteeName', 'Permission', 'IsPublic' -WholeValue 'k040', 'AllUsers'
        }
    }
}
