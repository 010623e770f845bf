<#
.SYNOPSIS
    Registers Invoke-NightlyAudit.ps1 as a daily Windows scheduled task.
.DESCRIPTION
    The task runs PowerShell 7 (pwsh.exe) when it is installed, otherwise Windows PowerShell, non-interactively,
    in the profile's folder. Keys named by accessKeyVariable/secretKeyVariable must exist for the account the task
    runs as: set them as user environment variables of that account, or use a credentials profile instead.
.EXAMPLE
    ./Register-NightlyAudit.ps1 -ConfigPath C:\S3Audit\audit.yml -At 02:30 -LogPath C:\S3Audit\nightly.log -WhatIf
#>
#Requires -Modules ScheduledTasks
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $ConfigPath,

    [string] $At = '02:00',

    [string] $TaskName = 'S3Audit nightly review',

    [string] $LogPath,

    # The account to run as; the current user when omitted (the task then runs only while that user is logged on).
    [pscredential] $RunAs
)

$config = (Resolve-Path -LiteralPath $ConfigPath -ErrorAction Stop).ProviderPath
$script = Join-Path $PSScriptRoot 'Invoke-NightlyAudit.ps1'
$shell = Get-Command pwsh.exe -ErrorAction SilentlyContinue
$shellPath = if ($shell) { $shell.Source } else { Join-Path $PSHOME 'powershell.exe' }
$arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$script`" -ConfigPath `"$config`""
if ($LogPath) { $arguments += " -LogPath `"$LogPath`"" }

$action = New-ScheduledTaskAction -Execute $shellPath -Argument $arguments -WorkingDirectory (Split-Path $config -Parent)
$trigger = New-ScheduledTaskTrigger -Daily -At $At
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Hours 4)
$task = @{ TaskName = $TaskName; Action = $action; Trigger = $trigger; Settings = $settings; Description = "S3Audit: Invoke-S3Audit -ConfigPath $config" }
if ($RunAs) {
    $task.User = $RunAs.UserName
    $task.Password = $RunAs.GetNetworkCredential().Password
}

if ($PSCmdlet.ShouldProcess($TaskName, "Register a daily task at $At running $script")) {
    Register-ScheduledTask @task -Force:$false
}
