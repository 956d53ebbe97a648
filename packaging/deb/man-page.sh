#!/usr/bin/env bash
# The loomlab(1) man page of the Debian package, made of the --help texts of the command and of
# every subcommand (so it says what the program says), on stdout.
#   packaging/deb/man-page.sh LOOMLAB VERSION
set -euo pipefail
loomlab=${1:?usage: man-page.sh LOOMLAB VERSION}
version=${2:?usage: man-page.sh LOOMLAB VERSION}

# Help text as roff, verbatim: backslashes and minus signs escaped, no line read as a request.
verbatim() { printf '.nf\n'; sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"; printf '.fi\n'; }
help() { "$loomlab" "$@" --help | verbatim; }

when=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
commands=$("$loomlab" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')

cat <<ROFF
.TH LOOMLAB 1 "$when" "loomlab $version" "User Commands"
.SH NAME
loomlab \\- the socket lab of \\(aqSockets en Python\\(aq on virtual threads: servers, clients, tools
.SH SYNOPSIS
.B loomlab
.RI [ OPTIONS ]
.br
.B loomlab
.I COMMAND
.RI [ ARGS ]
.SH DESCRIPTION
ROFF
help
for c in $commands; do
  printf '.SH "loomlab %s"\n' "$c"
  help "$c"
  if [ "$c" = client ]; then
    for sub in $("$loomlab" client --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'); do
      printf '.SS "loomlab client %s"\n' "$sub"
      help client "$sub"
    done
  fi
done
cat <<'ROFF'
.SH FILES
.TP
.I /etc/loomlab/config.json
The services of the loomlab systemd service (a conffile: upgrades keep your edits). Check it with
.BR "loomlab \-\-config /etc/loomlab/config.json \-\-print\-config" .
.TP
.I /etc/default/loomlab
Optional JAVA_OPTS for the service.
.TP
.I /usr/share/doc/loomlab/examples/
Example configs: default, lab (every interface), demo (the three TCP modes).
.TP
.I /usr/lib/loomlab/runtime
The Java runtime the package brings; JAVA_HOME is not used.
.SH ENVIRONMENT
.TP
.B JAVA_OPTS
Options for the Java virtual machine, e.g. \-Xmx512m.
.SH SEE ALSO
.BR systemctl (1),
.BR journalctl (1);
/usr/share/doc/loomlab/install.md and the docs/ folder of the sources.
ROFF
