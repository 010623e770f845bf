# How the Pester suites render S3Audit's default views and check that they fit a console: Out-String -Width 80 and
# -Width 120 (the width of a console without a terminal, and a wide one), plain text, invariant culture.

# Renders objects with their default view (or the named one) at one width. Dates and numbers in the invariant
# culture so the text is the same on every machine.
function Format-S3AuditView {
    param(
        [Parameter(Mandatory)] [object[]] $InputObject,
        [Parameter(Mandatory)] [int] $Width,
        [ValidateSet('Table', 'List')] [string] $As = 'Table',
        [string] $View
    )
    $culture = [cultureinfo]::CurrentCulture
    # $PSStyle (PowerShell 7.2+) would colour the text; Windows PowerShell has none and writes plain text anyway.
    $rendering = if ($PSStyle) { $PSStyle.OutputRendering }
    try {
        [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $format = @{}
        if ($View) { $format.View = $View }
        if ($As -eq 'Table') { $InputObject | Format-Table @format | Out-String -Width $Width }
        else { $InputObject | Format-List @format | Out-String -Width $Width }
    }
    finally {
        [cultureinfo]::CurrentCulture = $culture
        if ($PSStyle) { $PSStyle.OutputRendering = $rendering }
    }
}

<#
.SYNOPSIS
    Checks one rendered table: one header line (no label wrapped onto a second line, no group header above it), a
    dash line under it, no line wider than the width, one line per row (no value wrapped inside a cell, no repeated
    group header), the named columns visible and the named values shown whole (not cut with an ellipsis). Throws
    with the rendering when something is wrong.
#>
function Assert-S3AuditTableFits {
    param(
        [Parameter(Mandatory)] [string] $Text,
        [Parameter(Mandatory)] [int] $Width,
        [Parameter(Mandatory)] [int] $RowCount,
        [string[]] $Column = @(),
        [string[]] $WholeValue = @()
    )
    $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() -ne '' })
    $problems = [System.Collections.Generic.List[string]]::new()
    $dash = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^ *-[- ]*$' })
    if ($dash -ne 1) { $problems.Add("the header takes $dash line(s) instead of 1 (a label wrapped)") }
    $wide = @($lines | Where-Object { $_.Length -gt $Width })
    if ($wide) { $problems.Add("$($wide.Count) line(s) wider than $Width") }
    $rows = $lines.Count - [Math]::Max($dash, 0) - 1
    if ($rows -ne $RowCount) { $problems.Add("$rows data line(s) for $RowCount row(s) (a value wrapped inside a cell, or a group header)") }
    if ($dash -ge 1) {
        $header = $lines[$dash - 1]
        foreach ($name in $Column) {
            if ($header -notmatch "(^|\s)$([regex]::Escape($name))(\s|$)") { $problems.Add("column '$name' is not shown (header: $($header.Trim()))") }
        }
    }
    foreach ($value in $WholeValue) {
        if ($Text -notmatch "(^|\s)$([regex]::Escape($value))(\s|$)") { $problems.Add("'$value' is not shown whole") }
    }
    if ($problems.Count) { throw "The table at width ${Width}: $($problems -join '; ').`n$Text" }
}

<#
.SYNOPSIS
    The columns each default table view must show at 80 columns (the ones that answer the cmdlet's question) and
    the ones it adds at 120, by view name.
#>
function Get-S3AuditViewColumn {
    @{
        S3AuditBucket         = @{ At80 = 'BucketName', 'Exposure', 'Findings', 'Logging', 'Versioning', 'Encryption'; At120 = 'ObjectLock', 'BlockPublic', 'Region' }
        S3AuditBucketFinding  = @{ At80 = 'Severity', 'Result', 'CheckId', 'BucketName'; At120 = 'Detail' }
        S3ExposureResult      = @{ At80 = 'BucketName', 'Exposure', 'PublicAccess', 'Via', 'Findings'; At120 = 'Reasons' }
        S3ExposureFinding     = @{ At80 = 'Severity', 'Exposure', 'BucketName', 'Path', 'Why (Key or StatementId first)'; At120 = @() }
        S3AuditAclGrant       = @{ At80 = 'BucketName', 'Key', 'GranteeName', 'Permission', 'IsPublic'; At120 = @() }
        S3AuditFinding        = @{ At80 = 'Severity', 'Result', 'Target', 'BucketName', 'Rule'; At120 = 'Status', 'Detail' }
        S3AuditRunSummary     = @{ At80 = 'Targets', 'Buckets', 'Critical', 'High', 'Medium', 'Low', 'Unknown', 'New', 'Resolved', 'IncompleteTargets'; At120 = @() }
        S3AuditCredential     = @{ At80 = 'UserName', 'AccessKeyId', 'KeyStatus', 'KeyAgeDays', 'Severity', 'Findings'; At120 = @() }
        S3PolicyDocument      = @{ At80 = 'Provider', 'Name', 'Purpose', 'BucketName', 'Prefix'; At120 = @() }
        S3AccessLoggingResult = @{ At80 = 'BucketName', 'Action', 'Permission', 'Target'; At120 = @() }
        LyveAuditTarget       = @{ At80 = 'BucketName', 'Eligible', 'Retention', 'Versioning', 'Reasons'; At120 = @() }
        S3AuditLogEntry       = @{ At80 = 'Time (UTC)', 'Operation', 'Status', 'Requester', 'BucketName/Key'; At120 = @() }
        S3AuditLogSummary     = @{ At80 = 'Requests', 'Group', 'Errors', 'BytesSent', 'FirstSeen (UTC)', 'LastSeen (UTC)'; At120 = @() }
        S3AuditLogActivity    = @{ At80 = 'Target', 'BucketName', 'StartTime', 'Requests', 'Errors'; At120 = @() }
        S3AuditProxy          = @{ At80 = 'Id', 'State', 'Requests', 'Errors', 'Endpoint', 'Upstream'; At120 = @() }
        S3AuditLogExportFile  = @{ At80 = 'Source', 'Day', 'Rows', 'Size', 'File'; At120 = @() }
        S3AuditLogExportSummary = @{ At80 = 'Rows', 'Files', 'Size', 'Read', 'Skipped', 'Failed', 'Destination'; At120 = @() }
    }
}

<#
.SYNOPSIS
    Renders rows with their default table view at 80 and 120 columns and checks both with Assert-S3AuditTableFits,
    with the view's columns (Get-S3AuditViewColumn) and the given values that must show whole.
#>
function Assert-S3AuditDefaultTable {
    param(
        [Parameter(Mandatory)] [object[]] $InputObject,
        [string[]] $WholeValue = @(),
        [string[]] $WholeValue120 = @()
    )
    $view = $InputObject[0].GetType().Name
    $columns = (Get-S3AuditViewColumn)[$view]
    if (-not $columns) { throw "No columns are declared for the view of $view (Get-S3AuditViewColumn)." }
    Assert-S3AuditTableFits -Text (Format-S3AuditView -InputObject $InputObject -Width 80) -Width 80 -RowCount $InputObject.Count -Column $columns.At80 -WholeValue $WholeValue
    Assert-S3AuditTableFits -Text (Format-S3AuditView -InputObject $InputObject -Width 120) -Width 120 -RowCount $InputObject.Count -Column (@($columns.At80) + @($columns.At120)) -WholeValue (@($WholeValue) + @($WholeValue120))
}

Export-ModuleMember -Function Format-S3AuditView, Assert-S3AuditTableFits, Get-S3AuditViewColumn, Assert-S3AuditDefaultTable
