#!/bin/sh
# kube-paths: checks run before nginx starts. POSIX sh (busybox in the image, dash on Debian).
#
#   kube-paths-start.sh check-csp FILE   fails (exit 1), saying which file and why, unless FILE is a
#                                        complete csp.conf as scripts/csp-hashes.mjs writes it
#   kube-paths-start.sh                  in the image, from /docker-entrypoint.d/ (the image's entrypoint
#                                        runs it before nginx and stops if it fails): check-csp on
#                                        /etc/nginx/kube-paths/csp.conf, then the IPv6 listener
#
# Why both this and nginx: nginx itself refuses a missing or empty csp.conf (security-headers.conf
# uses the variable it defines) and a file cut in the middle of a line (syntax error), but only this
# check catches a file cut at the end of a line, and it says why in words. The Containerfile runs it
# at build time too; scripts/nginx.mjs before every test or bench nginx.
set -eu

fail() {
	echo "kube-paths: $1: $2. Every page would be served without its Content-Security-Policy, so nginx does not start. Generate the file after the build: node scripts/csp-hashes.mjs dist $1" >&2
	exit 1
}

check_csp() {
	file=$1
	[ -e "$file" ] || fail "$file" 'is missing'
	[ -f "$file" ] || fail "$file" 'is not a regular file'
	[ -s "$file" ] || fail "$file" 'is empty'
	# The generator's last line, written after everything else: without it, the file was cut short.
	[ "$(tail -n 1 "$file")" = '# end of csp.conf' ] || fail "$file" "is partial: its last line is not '# end of csp.conf' (cut short while written or copied)"
	grep -q '^map ' "$file" || fail "$file" 'is partial: it defines no map of $kp_csp_from_csp_conf'
	for directive in "default-src 'none'" 'script-src ' 'style-src ' "frame-ancestors 'none'"; do
		grep -q "$directive" "$file" || fail "$file" "is partial: the policy has no $directive"
	done
}

case "${1:-}" in
	check-csp)
		[ $# -eq 2 ] || { echo "usage: $0 check-csp FILE" >&2; exit 2; }
		check_csp "$2"
		;;
	'')
		check_csp /etc/nginx/kube-paths/csp.conf
		# IPv6 too where the Pod has it (a dual-stack or IPv6 cluster): nginx refuses to start on a
		# `listen [::]:8080` where the kernel has no IPv6, so the listener is added only where
		# /proc/net/if_inet6 exists, in /tmp (the root file system is read-only). kube-paths.conf
		# includes /tmp/kube-paths/listen-*.conf, which may match nothing: then IPv4 only.
		mkdir -p /tmp/kube-paths
		if [ -f /proc/net/if_inet6 ]; then
			echo 'listen [::]:8080 ipv6only=on;' > /tmp/kube-paths/listen-ipv6.conf
			echo 'kube-paths: IPv6 found, nginx listens on [::]:8080 too'
		else
			rm -f /tmp/kube-paths/listen-ipv6.conf
			echo 'kube-paths: no IPv6 in this Pod, nginx listens on 0.0.0.0:8080 only'
		fi
		;;
	*)
		echo "usage: $0 [check-csp FILE]" >&2
		exit 2
		;;
esac
