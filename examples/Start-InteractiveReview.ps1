<#
.SYNOPSIS
    An interactive review: creates a profile when there is none, runs it, and walks through the findings.
.EXAMPLE
    ./Start-InteractiveReview.ps1 -ConfigPath ./audit.yml -Provider Exoscale
#>
[CmdletBinding()]
param(
    [string] $ConfigPath = './audit.yml',

    # A string, not [S3Audit.S3Provider]: the parameter block is bound before the module is imported.
    [ValidateSet('Aws', 'Exoscale', 'Lyve', 'Minio', 'Ceph', 'Generic')]
    [string] $Provider = 'Aws',

    [string] $Module = 'S3Audit'
)

Import-Module $Module -ErrorAction Stop

if (-not (Test-Path -LiteralPath $ConfigPath)) {
    New-S3AuditConfig -Path $ConfigPath -Provider $Provider | Out-Null
    Write-Host "Created $ConfigPath. Edit the target (endpoint, profile or key variable names), then press Enter."
    Read-Host | Out-Null
}

$findings = @(Invoke-S3Audit -ConfigPath $ConfigPath -InformationVariable information)
$summary = ($information | Where-Object { $_.Tags -contains 'S3AuditSummary' }).MessageData
$summary | Format-List

Write-Host "`nFindings by severity:"
$findings | Group-Object Severity | Sort-Object { [S3Audit.S3AuditSeverity]$_.Name } -Descending |
    Format-Table @{ n = 'Severity'; e = 'Name' }, Count -AutoSize

Write-Host 'Worst first (Format-List shows the remediation):'
# Sorted by target first: Format-Table -GroupBy starts a new group whenever the value changes.
$findings | Where-Object Result -eq 'Fail' | Sort-Object Target, @{ Expression = 'Severity'; Descending = $true } | Format-Table -GroupBy Target

$unknown = @($findings | Where-Object Result -eq 'Unknown')
if ($unknown) {
    Write-Warning "$($unknown.Count) check result(s) are Unknown (not evaluated, access denied, or not available in this build):"
    $unknown | Format-Table Target, BucketName, Check, Rule, Detail -Wrap
}

if (Get-Command Out-GridView -ErrorAction SilentlyContinue) {
    $findings | Out-GridView -Title 'S3Audit findings: select rows to see their remediation' -PassThru | Format-List BucketName, Rule, Detail, Remediation
}
