#!/usr/bin/env bash
# Compiles and lints the deployment template with the Bicep CLI from NuGet (build/Bicep.csproj): any compiler or
# linter warning fails. Offline: the CLI carries its Azure types, and no rule that asks a registry is on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet build build/Bicep.csproj -p:UseSharedCompilation=false -nologo -v:minimal
echo "bicep: main.bicep and main.bicepparam build and lint clean"
