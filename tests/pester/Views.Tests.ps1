#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The golden "views" test: every view in formats/*.ps1xml rendered from realistic rows (ViewSamples.psm1) at 80 and
# 120 columns and compared with the reviewed text in tests/pester/views/<View>.txt, so a change to a view shows in
# review. After a deliberate change, regenerate the files and review the diff:
#
#     $env:S3AUDIT_UPDATE_VIEWS = '1'; ./tests/pester/Invoke-PesterSuite.ps1 -Path tests/pester/Views.Tests.ps1
#
# A view without a golden file (or a golden file without a view) fails, as does a table view that does not fit 80
# and 120 columns. The same fit checks on rows the cmdlets return from the test server are in the Server context.

BeforeDiscovery {
    $formats = Join-Path $PSScriptRoot '../../formats'
    $views = foreach ($file in Get-ChildItem $formats -Filter *.ps1xml) {
        foreach ($view in ([xml](Get-Content $file.FullName -Raw)).Configuration.ViewDefinitions.View) {
            @{
                Name    = $view.Name
                Type    = $view.ViewSelectedBy.TypeName
                Control = if ($view.TableControl) { 'Table' } else { 'List' }
                File    = $file.Name
            }
        }
    }
    $tables = @($views | Where-Object Control -eq 'Table')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ViewSamples.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ViewAssertions.psm1') -Force
    Import-S3AuditModule
    $samples = Get-S3AuditViewSample
    $goldenFolder = Join-Path $PSScriptRoot 'views'
    $update = $env:S3AUDIT_UPDATE_VIEWS -eq '1'
    $formats = Join-Path $PSScriptRoot '../../formats'
    $allViews = foreach ($file in Get-ChildItem $formats -Filter *.ps1xml) {
        foreach ($view in ([xml](Get-Content $file.FullName -Raw)).Configuration.ViewDefinitions.View) { $view }
    }

    # The sample values each table view must show whole (not cut): the longest rule and check names, readable codes.
    $whole = @{
        S3AuditBucket         = @{ At80 = 'backup-prod-eu-central-archive', 'Unknown'; At120 = 'NotSupported', '2 of 4', 'eu-central-1' }
        S3AuditBucketFinding  = @{ At80 = 'ObjectLockNoDefaultRetention', 'BlockPublicAccessIncomplete', 'i13-foreign-d04783f8caba437d' }
        S3ExposureResult      = @{ At80 = 'Read,Write,List', 'NotPublic' }
        S3ExposureFinding     = @{ At80 = 'ObjectAcl', 'NotPublic' }
        S3AuditAclGrant       = @{ At80 = 'AllUsers', 'LogDelivery', 'FULL_CONTROL', 'a/pub.txt' }
        S3AuditFinding        = @{ At80 = 'ServerAccessLoggingNotSupported', 'BlockPublicAccessIncomplete', 'Unknown', 'Critical'; At120 = 'NotRechecked' }
        S3AuditRunSummary     = @{ At80 = '12' }
        S3AuditCredential     = @{ At80 = '<root_account>', 'Critical' }
        S3PolicyDocument      = @{ At80 = 'ReadOnlyLog', 'LogStorage' }
        S3AccessLoggingResult = @{ At80 = 'AlreadyDisabled', 'BucketPolicy' }
        LyveAuditTarget       = @{ At80 = 'COMPLIANCE 3650d', 'Unknown' }
        S3AuditLogEntry       = @{ At80 = '2019-02-06 00:00:38', 'GetBucketVersioning', '403' }
        S3AuditLogSummary     = @{ At80 = 'GetObject', '116.0 KB', '2026-11-21 13:19', '(all)' }
        S3AuditLogActivity    = @{ At80 = 'backup-prod-eu-central-archive', '2026-12-02 02:00', '184220', '312' }
        S3AuditProxy          = @{ At80 = 'Running', '184220', 'http://127.0.0.1:9000', 'https://sos-ch-gva-2.exo.io'; At120 = 'http://rgw.backup.internal.example:7480' }
        S3AuditLogExportFile  = @{ At80 = 'aws_access_log', 'lyve_account_api', '2026-11-20', '1048576', '128.0 MB'; At120 = '20261203T023012Z-4a0dcca9-00001.parquet' }
        S3AuditLogExportSummary = @{ At80 = '12582912', '1.5 GB', 's3://my-lake/audit/' }
    }

    function Get-Rendering([hashtable] $View) {
        $rows = $samples[$View.Type]
        $text = foreach ($width in 80, 120) {
            "# $($rows.Count) $($View.Type) | Format-$($View.Control) -View $($View.Name) | Out-String -Width $width"
            (Format-S3AuditView -InputObject $rows -Width $width -As $View.Control -View $View.Name) -split "`r?`n" | ForEach-Object TrimEnd
        }
        (($text -join "`n").Trim("`n") -replace "`n{3,}", "`n`n") + "`n"
    }
}

Describe 'The default views' {
    It 'have a reviewed golden file for every view, and no golden file without a view' {
        $names = @($allViews | ForEach-Object Name)
        $files = @(Get-ChildItem $goldenFolder -Filter *.txt -ErrorAction SilentlyContinue | ForEach-Object BaseName)
        if (-not $update) {
            @($names | Where-Object { $_ -notin $files }) | Should -BeNullOrEmpty -Because 'a new view needs a reviewed golden file (S3AUDIT_UPDATE_VIEWS=1 writes it)'
        }
        @($files | Where-Object { $_ -notin $names }) | Should -BeNullOrEmpty -Because 'a golden file of a view that is gone must go too'
    }

    It 'cover every output type with sample rows and a table view' {
        $types = [S3Audit.S3AuditBucket].Assembly.GetExportedTypes() | Where-Object IsClass | ForEach-Object FullName
        foreach ($type in $types) {
            $samples.Keys | Should -Contain $type -Because "the golden test renders every output type ($type)"
            @($allViews | Where-Object { $_.ViewSelectedBy.TypeName -eq $type -and $_.TableControl }).Count | Should -Be 1 -Because "$type needs one table view"
        }
    }

    It 'never group a table: a sorted stream would repeat the group header' {
        @($allViews | Where-Object { $_.TableControl -and $_.GroupBy }).Name | Should -BeNullOrEmpty
        @($allViews | Where-Object { $_.TableControl.TableRowEntries.TableRowEntry.Wrap -ne $null }).Name | Should -BeNullOrEmpty -Because 'a wrapped cell breaks values mid-word'
    }

    It 'list every property of the type by its own name, and nothing else' {
        foreach ($view in $allViews | Where-Object ListControl) {
            $type = [type]$view.ViewSelectedBy.TypeName
            $items = @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem)
            @($items | Where-Object { -not $_.PropertyName }).Count | Should -Be 0 -Because "$($view.Name) shows only real properties (no computed labels)"
            $shown = @($items | ForEach-Object PropertyName)
            $properties = @($type.GetProperties() | ForEach-Object Name)
            @($properties | Where-Object { $_ -notin $shown }) | Should -BeNullOrEmpty -Because "$($view.Name) shows every property"
            @($shown | Where-Object { $_ -notin $properties }) | Should -BeNullOrEmpty -Because "$($view.Name) shows only properties of $type"
        }
    }

    Context '<Name> (<Control>, <File>)' -ForEach $views {
        # The golden text is PowerShell 7's layout. Windows PowerShell ends a cut value with "..." where PowerShell 7
        # writes one ellipsis character after two more characters, in the same column width: the golden text is
        # read that way there, so the test runs on both.
        It 'renders as the reviewed golden text' {
            $path = Join-Path $goldenFolder "$Name.txt"
            $text = Get-Rendering $_
            if ($update) {
                $null = New-Item -ItemType Directory -Force $goldenFolder
                [IO.File]::WriteAllText($path, $text)
            }
            Test-Path $path | Should -BeTrue -Because 'S3AUDIT_UPDATE_VIEWS=1 writes the golden file; review it before committing'
            $golden = [IO.File]::ReadAllText($path) -replace "`r`n", "`n"
            if ($PSVersionTable.PSEdition -eq 'Desktop') {
                $golden = $golden -replace "..$([char]0x2026)", '...'
            }
            $text | Should -BeExactly $golden
        }
    }

    Context 'Table <Name> at 80 and 120 columns' -ForEach $tables {
        It 'keeps one header line and one line per row, and shows the columns that answer the question whole' {
            (Get-S3AuditViewColumn)[$Name] | Should -Not -BeNullOrEmpty -Because "every table view names the columns it must show at 80 columns (add $Name to Get-S3AuditViewColumn)"
            $whole[$Name] | Should -Not -BeNullOrEmpty -Because "every table view names sample values it must show whole (add $Name to `$whole)"
            Assert-S3AuditDefaultTable -InputObject $samples[$Type] -WholeValue $whole[$Name].At80 -WholeValue120 @($whole[$Name].At120 | Where-Object { $_ })
        }

        It 'is the default view: Format-Table without -View renders the same' {
            $rows = $samples[$Type]
            Format-S3AuditView -InputObject $rows -Width 80 | Should -BeExactly (Format-S3AuditView -InputObject $rows -Width 80 -View $Name)
        }
    }
}

# The same checks on what the cmdlets return, as a user sees it: every default table view at 80 and 120 columns.
Describe 'The default views of real rows' {
    Context 'offline: the README first run and generated policies' {
        It 'Get-S3AuditLogEntry -Path ./examples/logs fits, time, operation, status, requester and bucket/key shown' {
            $entries = @(Get-S3AuditLogEntry -Path (Join-Path $PSScriptRoot '../../examples/logs'))
            Assert-S3AuditDefaultTable -InputObject $entries -WholeValue 'GetBucketVersioning', '403' -WholeValue120 'DOC-EXAMPLE-BUCKET1', 'amzn-s3-demo-bucket/photos/cat on mat.jpg'
        }

        It 'Get-S3AuditLogEntry -Path ./examples/logs | Measure-S3AuditLog -GroupBy Operation fits (the README first run)' {
            $summary = @(Get-S3AuditLogEntry -Path (Join-Path $PSScriptRoot '../../examples/logs') | Measure-S3AuditLog -GroupBy Operation)
            Assert-S3AuditDefaultTable -InputObject $summary -WholeValue 'GetObject', 'PutObject', 'ListObjectsV2'
        }

        It 'New-S3ReadOnlyLogPolicy and New-S3LogStoragePolicy fit' {
            $policies = @(New-S3ReadOnlyLogPolicy -BucketName audit-logs -Prefix logs/ -Provider Aws; New-S3LogStoragePolicy -BucketName backup-prod-eu-central-archive -Provider Aws)
            Assert-S3AuditDefaultTable -InputObject $policies -WholeValue 'ReadOnlyLog', 'logs/'
        }
    }

    Context 'against the test server' -Tag 'Server' {
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'S3Fixture.psm1') -Force
            $connection = Get-S3TestConnection
            $writable = New-S3FixtureBucket 'pester-view-pubw' -Acl 'public-read-write'
            $plain = New-S3FixtureBucket 'pester-view-plain'
            $logs = New-S3FixtureBucket 'pester-view-logs'
            $foreign = New-S3FixtureBucket 'pester-view-foreign' -AsRoot
            Write-S3FixtureObject -BucketName $writable -Key 'reports/2026/q3 summary.pdf' -Content 'x' -Acl 'public-read'
            $saved = $env:PESTER_VIEW_AK, $env:PESTER_VIEW_SK, $env:S3AUDIT_CONFIG
            $env:PESTER_VIEW_AK = $env:S3_ACCESS_KEY; $env:PESTER_VIEW_SK = $env:S3_SECRET_KEY
            $env:S3AUDIT_CONFIG = Join-Path $TestDrive 'settings/settings.yml'
        }
        AfterAll {
            $env:PESTER_VIEW_AK, $env:PESTER_VIEW_SK, $env:S3AUDIT_CONFIG = $saved
            Remove-S3Fixture
        }

        It 'Get-S3AuditBucket fits, with an unread bucket shown as Unknown' {
            $rows = @(Get-S3AuditBucket @connection $writable, $plain, $foreign -ErrorAction SilentlyContinue)
            Assert-S3AuditDefaultTable -InputObject $rows -WholeValue 'Public', 'NotPublic', 'Unknown'
        }

        It 'Get-S3AuditBucket -Detailed | Sort-Object Severity fits without a group header per bucket' {
            $rows = @(Get-S3AuditBucket @connection $writable, $plain -Detailed | Sort-Object Severity -Descending)
            Assert-S3AuditDefaultTable -InputObject $rows -WholeValue 'BlockPublicAccessIncomplete', 'PublicExposure', 'Critical'
        }

        It 'Test-S3PublicExposure and its -Detailed causes fit, the Why readable at 120 columns' {
            Assert-S3AuditDefaultTable -InputObject @(Test-S3PublicExposure @connection $writable, $plain) -WholeValue 'Write,List', 'NotPublic'
            $causes = @(Test-S3PublicExposure @connection $writable -Detailed -IncludeObjects)
            Assert-S3AuditDefaultTable -InputObject $causes -WholeValue 'ObjectAcl', 'Critical'
            Format-S3AuditView -InputObject $causes -Width 120 | Should -Match '\[reports/2026/q3 summary\.pdf\] The object ACL grants READ to AllUsers'
        }

        It 'Get-S3AuditAcl -Recurse fits, the grantee named AllUsers' {
            Assert-S3AuditDefaultTable -InputObject @(Get-S3AuditAcl @connection $writable -Recurse) -WholeValue 'AllUsers', 'FULL_CONTROL' -WholeValue120 'reports/2026/q3 summary.pdf'
        }

        It 'Invoke-S3Audit findings and its summary fit, the rule and Result whole' {
            $path = Join-Path $TestDrive 'audit.yml'
            Set-Content $path @"
targets:
  - name: rgw
    provider: Ceph
    endpoint: $($env:S3_ENDPOINT)
    region: us-east-1
    accessKeyVariable: PESTER_VIEW_AK
    secretKeyVariable: PESTER_VIEW_SK
    buckets: { include: ['$writable', '$plain', '$foreign'] }
checks: { exposure: true, posture: true, logging: true }
"@
            $findings = @(Invoke-S3Audit $path -InformationVariable info -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            Assert-S3AuditDefaultTable -InputObject $findings -WholeValue 'BlockPublicAccessIncomplete', 'Unknown', 'Fail', 'Critical'
            Assert-S3AuditDefaultTable -InputObject @(($info | Where-Object Tags -contains 'S3AuditSummary').MessageData)
        }

        It 'Get-S3AuditCredential fits' {
            $user = New-S3FixtureUser ('pester-view-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -Policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
            $root = @{ EndpointUrl = $env:S3_ENDPOINT; AccessKey = $env:S3_ROOT_ACCESS_KEY; SecretKey = (ConvertTo-SecureString $env:S3_ROOT_SECRET_KEY -AsPlainText -Force); Region = 'us-east-1'; Provider = 'Ceph' }
            $rows = @(Get-S3AuditCredential @root)
            $rows.UserName | Should -Contain $user.user
            Assert-S3AuditDefaultTable -InputObject $rows -WholeValue 'FullS3Access', 'High'
        }

        It 'Enable-S3AccessLogging -WhatIf -PassThru fits' {
            $rows = @(Enable-S3AccessLogging @connection $plain -TargetBucketName $logs -WhatIf -PassThru 6>$null)
            Assert-S3AuditDefaultTable -InputObject $rows -WholeValue 'WhatIf', 'BucketPolicy'
        }

        It 'Set-LyveAuditTarget (RGW declared as Lyve Cloud) fits, with the reasons a bucket is not eligible' {
            $lyve = $connection.Clone()
            $lyve.Provider = 'Lyve'
            $rows = @(Set-LyveAuditTarget @lyve $plain -WarningAction SilentlyContinue)
            Assert-S3AuditDefaultTable -InputObject $rows -WholeValue 'False', 'None'
        }
    }
}
