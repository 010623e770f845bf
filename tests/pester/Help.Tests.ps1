# Pester 5. Get-Help for every exported cmdlet of the built module, and about_S3Audit.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-PowerShellDataFile (Get-S3AuditManifestPath)
    $cmdlets = $manifest.CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Get-Help <_>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $_ -Full
        $command = Get-Command $_ -Module S3Audit
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, Get-Help makes the synopsis from the syntax line, which starts with the name.
        $help.Synopsis | Should -Not -Match "^$([regex]::Escape($_))\s"
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameter = $help.Parameters.Parameter | Where-Object Name -eq $name
            $parameter | Should -Not -BeNullOrEmpty -Because "-$name needs help"
            ($parameter.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has at least two examples' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'about_S3Audit' {
    It 'explains providers, credentials and output types' {
        $about = Get-Help about_S3Audit | Out-String
        $about | Should -Match 'PROVIDERS'
        $about | Should -Match 'CREDENTIALS'
        $about | Should -Match 'S3Audit.S3AuditFinding'
    }
}

# What Get-Help shows a user: type names, defaults and related links.
Describe 'Get-Help <_> reads as a user expects' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $_ -Full
        $command = Get-Command $_ -Module S3Audit
    }

    It 'names parameter types as PowerShell does (DateTime, not Nullable`1)' {
        $syntax = ($help.Syntax | Out-String -Width 200)
        $syntax | Should -Not -Match 'Nullable'
        foreach ($parameter in $help.Parameters.Parameter) { $parameter.Type.Name | Should -Not -Match 'Nullable' }
    }

    It 'shows the default a new cmdlet really has for every parameter with one' {
        $fresh = [Activator]::CreateInstance($command.ImplementingType)
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $property = $command.ImplementingType.GetProperty($name)
            $value = $property.GetValue($fresh)
            $declared = $property.GetCustomAttributes([System.Management.Automation.PSDefaultValueAttribute], $true) | Select-Object -First 1
            $shown = ($help.Parameters.Parameter | Where-Object Name -eq $name).DefaultValue
            # No default: null, '' (a mandatory string's placeholder), an empty array, an unset switch or value type.
            $hasDefault = $null -ne $value -and "$value" -ne '' -and $value -isnot [System.Management.Automation.SwitchParameter] -and
                -not ($value -is [ValueType] -and $value -eq [Activator]::CreateInstance($value.GetType()))
            if ($hasDefault) {
                $declared | Should -Not -BeNullOrEmpty -Because "-$name starts as '$value': declare it with [PSDefaultValue]"
                "$($declared.Value)" | Should -Be "$value" -Because "-$name's [PSDefaultValue] must be the real default"
                $shown | Should -Be $(if ($declared.Help) { $declared.Help } else { "$($declared.Value)" })
            }
            elseif ($declared) { "$($declared.Value)" | Should -Be "$value" -Because "-$name declares a default it does not have" }
        }
    }

    It 'links related commands that exist and about_S3Audit' {
        $links = @($help.RelatedLinks.NavigationLink)
        $links.Count | Should -BeGreaterThan 1
        $links.LinkText | Should -Contain 'about_S3Audit'
        foreach ($link in $links | Where-Object { -not $_.Uri -and $_.LinkText -ne 'about_S3Audit' }) {
            Get-Command $link.LinkText -Module S3Audit -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "'$($link.LinkText)' must be a command of the module"
        }
        foreach ($link in $links | Where-Object Uri) { $link.Uri | Should -Match '^https://' }
    }
}
