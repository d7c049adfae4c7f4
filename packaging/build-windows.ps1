# Build the office-PC package on Windows (x64): the same PyInstaller recipe as on Linux.
# NOT TESTED: written with the Linux build, which CI proves; no Windows machine was at hand.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 [-Out C:\workforce-build]
#
# Out\dist\workforce\workforce.exe          the command line (without a command: the desktop)
# Out\dist\workforce\workforce-desktop.exe  the desktop without a console window (for shortcuts)
# Out\workforce-VERSION-windows-x64.zip     that folder, to unpack anywhere (no installer)
param([string]$Out = "$env:TEMP\workforce-build")
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot

# A clean environment with the program's dependencies, PyInstaller and Pillow (for the icon).
py -3.11 -m venv "$Out\venv"
$Python = "$Out\venv\Scripts\python.exe"
& $Python -m pip install --disable-pip-version-check -q "$Root" "pyinstaller>=6.10,<7" pillow
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# PDFs use the Windows fonts (SimSun, Microsoft YaHei) unless a font to ship is given:
#   $env:WORKFORCE_BUNDLE_FONT = "C:\path\to\DroidSansFallbackFull.ttf"
$env:PYTHONPATH = $Root
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath "$Out\dist" --workpath "$Out\work" "$Root\packaging\workforce.spec"
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$Info = Get-Content "$Out\dist\workforce\_internal\build-info.json" -Raw | ConvertFrom-Json
$Zip = "$Out\workforce-$($Info.version)-windows-x64.zip"
Compress-Archive -Path "$Out\dist\workforce" -DestinationPath $Zip -Force
& "$Out\dist\workforce\workforce.exe" --version
Write-Host "built: $Zip"
