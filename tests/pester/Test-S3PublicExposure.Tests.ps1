#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The PowerShell surface of Test-S3PublicExposure. Offline evaluation needs no server.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $command = Get-Command Test-S3PublicExposure
    $public = '{"Version":"2012-10-17","Statement":[{"Sid":"Anyone","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'
    $restricted = '{"Version":"2012-10-17","Statement":[{"Sid":"Vpce","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}]}'
}

Describe 'Test-S3PublicExposure' {
    It 'is exported with its output types' {
        $command.CommandType | Should -Be 'Cmdlet'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3ExposureResult'
        $command.OutputType.Name | Should -Contain 'S3Audit.S3ExposureFinding'
    }

    It 'has the Bucket, PolicyDocument and PolicyPath parameter sets' {
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Bucket', 'PolicyDocument', 'PolicyPath')
        $command.DefaultParameterSet | Should -Be 'Bucket'
        ($command.ParameterSets | Where-Object Name -eq 'PolicyDocument').Parameters.Where({ $_.Name -eq 'PolicyDocument' }).IsMandatory | Should -BeTrue
        ($command.ParameterSets | Where-Object Name -eq 'PolicyDocument').Parameters.Name | Should -Not -Contain 'IncludeObjects'
    }

    It 'binds BucketName from the pipeline by value and by property name at position 0' {
        $attribute = $command.Parameters['BucketName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $attribute.Position | Should -Be 0
    }

    It 'judges a public draft policy offline' {
        $result = Test-S3PublicExposure -PolicyDocument $public -BucketName draft
        $result | Should -BeOfType ([S3Audit.S3ExposureResult])
        $result.Exposure | Should -Be 'Public'
        $result.BucketName | Should -Be 'draft'
        $result.PublicRead | Should -BeTrue
        $result.ViaPolicy | Should -BeTrue
        $result.Reasons | Should -Match 'Anyone'
    }

    It 'judges a restricted draft policy as NotPublic and reads it from a file' {
        $file = Join-Path $TestDrive 'policy.json'
        Set-Content -Path $file -Value $restricted
        (Test-S3PublicExposure -PolicyPath $file).Exposure | Should -Be 'NotPublic'
    }

    It 'writes findings with -Detailed' {
        $finding = Test-S3PublicExposure -PolicyDocument $public -Detailed
        $finding | Should -BeOfType ([S3Audit.S3ExposureFinding])
        $finding.StatementId | Should -Be 'Anyone'
        $finding.Severity | Should -Be 'High'
        $finding.Remediation | Should -Not -BeNullOrEmpty
    }

    It 'ends with PolicyDocumentInvalid naming the line and position of bad JSON' {
        { Test-S3PublicExposure -PolicyDocument "{`n `"Statement`": [ {`"Effect`": `"Allow`",, } ]}" -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolicyDocumentInvalid,S3Audit.Commands.Cmdlets.TestS3PublicExposureCommand' -ExpectedMessage '*line 2, position*'
    }

    It 'gives the position of a JSON error once, 1-based (not also .NET''s 0-based LineNumber and BytePositionInLine)' {
        $err = { Test-S3PublicExposure -PolicyDocument "{`"Version`": `"2012-10-17`",`n  `"Statement`": [ { `"Effect`": `"Allow`", } ] }" -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -Be 'The policy is not valid JSON at line 2, position 39: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.'
    }

    It 'an unreachable endpoint: Test-S3PublicExposure a,b -EndpointUrl http://127.0.0.1:<port> is one terminating EndpointUnreachable' {
        $port = Get-RefusedPort
        $run = Invoke-Counted { Test-S3PublicExposure a, b -EndpointUrl "http://127.0.0.1:$port" -AccessKey AKID -SecretKey (ConvertTo-SecureString x -AsPlainText -Force) -Provider Ceph }
        Write-Host ("    measured: {0:N2} s, {1} error(s)" -f $run.Seconds, $run.Errors.Count)
        $run.Errors.Count | Should -Be 1
        $run.Terminating.FullyQualifiedErrorId | Should -Be 'EndpointUnreachable,S3Audit.Commands.Cmdlets.TestS3PublicExposureCommand'
        $run.Output | Should -BeNullOrEmpty
    }

    It 'ends with PolicyFileUnreadable for a missing file' {
        { Test-S3PublicExposure -PolicyPath (Join-Path $TestDrive 'missing.json') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolicyFileUnreadable,S3Audit.Commands.Cmdlets.TestS3PublicExposureCommand'
    }

    It 'judges an Exoscale policy with -Provider Exoscale' {
        $exoscale = '{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[{"action":"allow","expression":"source_ip.inIpRange(''89.145.160.0/24'')"}]}}}'
        (Test-S3PublicExposure -PolicyDocument $exoscale -Provider Exoscale).Exposure | Should -Be 'NotPublic'
    }

    It 'has a table view for both output types' {
        (Get-FormatData -TypeName S3Audit.S3ExposureResult).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name } | Should -Contain 'TableControl'
        (Get-FormatData -TypeName S3Audit.S3ExposureFinding).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name } | Should -Contain 'TableControl'
    }

    It 'has help with examples' {
        $help = Get-Help Test-S3PublicExposure -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    Context 'against the test server (bash tests/run-tests.sh exports S3_ENDPOINT)' -Tag 'Server' {
        BeforeAll {
            $connection = Get-S3TestConnection
            Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
        }
        AfterAll {
            Remove-S3Fixture
        }

        It 'a partial scan (-IncludeObjects -MaxObjects 2) that finds nothing is Unknown, never NotPublic, when a later object is public' {
            $bucket = New-S3FixtureBucket 'pester-partial'
            Write-S3FixtureObject $bucket 'a.txt' -Content a
            Write-S3FixtureObject $bucket 'b.txt' -Content b
            Write-S3FixtureObject $bucket 'c.txt' -Content c -Acl 'public-read'

            $partial = Test-S3PublicExposure $bucket -IncludeObjects -MaxObjects 2 @connection
            $partial.Exposure | Should -Be 'Unknown'
            $partial.ViaObjectAcl | Should -BeNullOrEmpty
            $partial.Reasons | Should -BeLike "*ObjectAcl: Only the first 2 object(s) were checked (-MaxObjects 2): the objects after them were not read*"
            ($partial | Test-S3PublicExposure -IncludeObjects @connection).Exposure | Should -Be 'Public'
        }

        It 'takes rows of Get-S3AuditBucket from the pipeline by property name' {
            $bucket = "pester-exp-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            $rows = [pscustomobject]@{ BucketName = $bucket }, [pscustomobject]@{ BucketName = $bucket }
            $results = $rows | Test-S3PublicExposure @connection -ErrorAction SilentlyContinue -ErrorVariable errors
            $results | Should -BeNullOrEmpty
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'BucketNotFound*' }).Count | Should -Be 1
        }
    }
}
