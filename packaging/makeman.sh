#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# makeman.sh MESHLANE VERSION > meshlane.1
# The man page is made from the CLI's own --help texts at build time, so it
# cannot drift from what the binary accepts.
set -euo pipefail
bin=$1
version=$2

escape() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/" -e 's/-/\\-/g'; }

cat <<HEAD
.TH MESHLANE 1 "" "Meshlane $version" "User Commands"
.SH NAME
meshlane \\- design, simulate and check Istio traffic routing from a folder of manifests
.SH SYNOPSIS
.B meshlane
[\\fIDIR\\fR]
.br
.B meshlane
\\fICOMMAND\\fR \\fIDIR\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
Meshlane opens a folder of Kubernetes and Istio manifests and shows the mesh as a graph, lets you
stage canaries with weight sliders, simulates traffic, flags broken configuration the way
\\fBistioctl analyze\\fR does, and exports YAML that \\fBkubectl apply\\fR accepts, leaving every byte
you did not change as it was. Without a command it opens the desktop workbench on \\fIDIR\\fR (by
default the bundled Bookinfo sample); with one it runs headless.
.SH COMMANDS
HEAD
commands=$("$bin" --help | awk '/^Commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
for command in $commands; do
  echo ".SS $command"
  echo ".nf"
  "$bin" "$command" --help | sed -e "s#^Usage: [^ ]* #Usage: meshlane $command #" | escape
  echo ".fi"
done
cat <<TAIL
.SH EXIT STATUS
0 fine; 64 usage error; 65 some input could not be parsed (the rest is still read and reported);
74 the output could not be written; 79 issues found at or above the failure threshold.
.SH FILES
.TP
.I /usr/share/meshlane/samples/
Sample meshes; \\fBmeshlane\\fR with no folder opens \\fIbookinfo\\fR from here.
.SH SEE ALSO
.BR istioctl (1),
.BR kubectl (1)
TAIL
