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

    # What each table view must show whole at 80 columns (and at 120, the extra columns): the columns that answer the
    # cmdlet's question and the longest values that must never be cut (rule and check names).
    $expected = @{
        S3AuditBucket         = @{ At80 = 'BucketName', 'Exposure', 'Findings', 'Logging', 'Versioning', 'Encryption'; At120 = 'ObjectLock', 'BlockPublic', 'Region'; Whole = 'backup-prod-eu-central-archive', 'Unknown'; Whole120 = 'NotSupported', '2 of 4', 'eu-central-1' }
        S3AuditBucketFinding  = @{ At80 = 'Severity', 'Result', 'CheckId', 'BucketName'; At120 = 'Detail'; Whole = 'ObjectLockNoDefaultRetention', 'BlockPublicAccessIncomplete', 'i13-foreign-d04783f8caba437d' }
        S3ExposureResult      = @{ At80 = 'BucketName', 'Exposure', 'PublicAccess', 'Via', 'Findings'; At120 = 'Reasons'; Whole = 'Read,Write,List', 'NotPublic' }
        S3ExposureFinding     = @{ At80 = 'Severity', 'Exposure', 'BucketName', 'Path', 'Why (Key or StatementId first)'; Whole = 'ObjectAcl', 'NotPublic' }
        S3AuditAclGrant       = @{ At80 = 'BucketName', 'Key', 'GranteeName', 'Permission', 'IsPublic'; Whole = 'AllUsers', 'LogDelivery', 'FULL_CONTROL', 'a/pub.txt' }
        S3AuditFinding        = @{ At80 = 'Severity', 'Result', 'Target', 'BucketName', 'Rule'; At120 = 'Status', 'Detail'; Whole = 'ServerAccessLoggingNotSupported', 'BlockPublicAccessIncomplete', 'Unknown', 'Critical' ; Whole120 = 'NotRechecked' }
        S3AuditRunSummary     = @{ At80 = 'Targets', 'Buckets', 'Critical', 'High', 'Medium', 'Low', 'Unknown', 'New', 'Resolved', 'IncompleteTargets' }
        S3AuditCredential     = @{ At80 = 'UserName', 'AccessKeyId', 'KeyStatus', 'KeyAgeDays', 'Severity', 'Findings'; Whole = '<root_account>', 'Critical' }
        S3PolicyDocument      = @{ At80 = 'Provider', 'Name', 'Purpose', 'BucketName', 'Prefix'; Whole = 'ReadOnlyLog', 'LogStorage' }
        S3AccessLoggingResult = @{ At80 = 'BucketName', 'Action', 'Permission', 'Target'; Whole = 'AlreadyDisabled', 'BucketPolicy' }
        LyveAuditTarget       = @{ At80 = 'BucketName', 'Eligible', 'Retention', 'Versioning', 'Reasons'; Whole = 'COMPLIANCE 3650d', 'Unknown' }
        S3AuditLogEntry       = @{ At80 = 'Time (UTC)', 'Operation', 'Status', 'Requester', 'BucketName/Key'; Whole = '2019-02-06 00:00:38', 'GetBucketVersioning', '403' }
        S3AuditLogSummary     = @{ At80 = 'Requests', 'Group', 'Errors', 'BytesSent', 'FirstSeen (UTC)', 'LastSeen (UTC)'; Whole = 'GetObject', '116.0 KB', '2026-11-21 13:19', '(all)' }
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
        It 'renders as the reviewed golden text' {
            $path = Join-Path $goldenFolder "$Name.txt"
            $text = Get-Rendering $_
            if ($update) {
                $null = New-Item -ItemType Directory -Force $goldenFolder
                [IO.File]::WriteAllText($path, $text)
            }
            Test-Path $path | Should -BeTrue -Because 'S3AUDIT_UPDATE_VIEWS=1 writes the golden file; review it before committing'
            $text | Should -BeExactly ([IO.File]::ReadAllText($path) -replace "`r`n", "`n")
        }
    }

    Context 'Table <Name> at 80 and 120 columns' -ForEach $tables {
        It 'keeps one header line and one line per row, and shows the columns that answer the question whole' {
            $want = $expected[$Name]
            $want | Should -Not -BeNullOrEmpty -Because "every table view names the columns it must show at 80 columns (add $Name to `$expected)"
            $rows = $samples[$Type]
            $text80 = Format-S3AuditView -InputObject $rows -Width 80 -View $Name
            Assert-S3AuditTableFits -Text $text80 -Width 80 -RowCount $rows.Count -Column $want.At80 -WholeValue $want.Whole
            $text120 = Format-S3AuditView -InputObject $rows -Width 120 -View $Name
            Assert-S3AuditTableFits -Text $text120 -Width 120 -RowCount $rows.Count -Column (@($want.At80) + @($want.At120 | Where-Object { $_ })) -WholeValue (@($want.Whole) + @($want.Whole120 | Where-Object { $_ }))
        }

        It 'is the default view: Format-Table without -View renders the same' {
            $rows = $samples[$Type]
            Format-S3AuditView -InputObject $rows -Width 80 | Should -BeExactly (Format-S3AuditView -InputObject $rows -Width 80 -View $Name)
        }
    }
}
