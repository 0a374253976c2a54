#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for tests: slurmctld and slurmd on the loopback address only.
#
# slurmctld always listens on every interface (slurm.conf's NoInAddrAny does not apply to it), so both daemons
# run in a network namespace of their own (`ip netns`, named $FABPLAN_SLURM_NETNS, default fabplan-slurm) whose
# only interface is its loopback: nothing outside this machine can reach them. Clients run in it too, through
# `exec`. munged talks over a Unix socket and runs outside.
#
#   cluster/slurm/local-cluster.sh start    # write the config, start munged (if not running), slurmctld, slurmd;
#                                           # wait until the node is idle (exit 1 with the reason if it never is)
#   cluster/slurm/local-cluster.sh stop     # stop slurmd and slurmctld (munged is left running: others may use it)
#   cluster/slurm/local-cluster.sh wipe     # stop, then delete all of the cluster's state (a fresh start next time)
#   cluster/slurm/local-cluster.sh status   # print the node's state
#   cluster/slurm/local-cluster.sh exec CMD...     # run a client (sbatch, squeue, scontrol...) against it
#
# Needs root and Debian's slurm-wlm and munge packages (.ci/setup installs them). Everything the cluster writes
# lives in $FABPLAN_SLURM_DIR (default /var/tmp/fabplan-slurm): its slurm.conf, state, spool, logs and pid files.
# Jobs run as the submitting user (root in CI) on the node `localhost`, in the partition `ci`.
set -euo pipefail

dir=${FABPLAN_SLURM_DIR:-/var/tmp/fabplan-slurm}
netns=${FABPLAN_SLURM_NETNS:-fabplan-slurm}
conf=$dir/slurm.conf
export SLURM_CONF=$conf

die() { echo "local-cluster: $*" >&2; exit 1; }

write_config() {
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  local cpus memory
  cpus=$(nproc)
  memory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) * 9 / 10 ))
  cat > "$conf" <<CONF
# Written by cluster/slurm/local-cluster.sh: a one-node cluster on the loopback address.
ClusterName=fabplan-local
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=6817
SlurmdPort=6818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# No cgroups (containers and VMs often lack them): processes tracked through their parent ids.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
# Keep finished jobs visible to scontrol for 30 minutes (there is no accounting database).
MinJobAge=1800
NodeName=localhost NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then return; fi
  [ -s /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key && chown munge:munge /etc/munge/munge.key; }
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  if command -v runuser >/dev/null; then runuser -u munge -- munged; else munged --force; fi
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return; sleep 0.1; done
  die "munged does not answer (see /var/log/munge/munged.log)"
}

# True when pid file $1 names a live process of the daemon it is named after (slurmctld.pid -> slurmctld), so a
# stale file whose pid was reused by another process does not count.
running() {
  [ -s "$1" ] || return 1
  local pid; pid=$(cat "$1")
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$(basename "$1" .pid)" ]
}

# Waits up to 10 s for a daemon that just forked to write its pid file.
started() { for _ in $(seq 100); do running "$1" && return 0; sleep 0.1; done; return 1; }

stop_daemon() {
  local pidfile=$1
  running "$pidfile" || return 0
  local pid; pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# Runs a command in the cluster's network namespace (nsenter, unlike `ip netns exec`, leaves /sys and its cgroups
# mounts as they are: slurmd needs them).
in_ns() { nsenter --net="/run/netns/$netns" -- "$@"; }

make_netns() {
  command -v ip >/dev/null || die "ip (iproute2) missing: apt-get install iproute2"
  ip netns list 2>/dev/null | grep -qw "$netns" || ip netns add "$netns" \
    || die "cannot create the network namespace $netns (needs root and CAP_SYS_ADMIN)"
  in_ns ip link set lo up || die "cannot bring up the loopback of namespace $netns"
  # glibc's getaddrinfo(AI_ADDRCONFIG), which Slurm uses, finds no IPv4 address when 127.0.0.1 is the only one:
  # a second loopback address (still on lo, reachable from nowhere else) makes it resolve 127.0.0.1.
  in_ns ip addr show dev lo | grep -q 127.0.0.2 || in_ns ip addr add 127.0.0.2/8 dev lo
}

node_state() { in_ns scontrol show node localhost 2>/dev/null | sed -n 's/.*State=\([A-Z+_]*\).*/\1/p'; }

start() {
  [ "$(id -u)" = 0 ] || die "must run as root (slurmd starts jobs as their users)"
  command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null \
    || die "slurmctld, slurmd or munged missing: apt-get install slurm-wlm munge (bash .ci/setup does)"
  write_config
  make_netns
  start_munge
  running "$dir/slurmctld.pid" || { in_ns slurmctld && started "$dir/slurmctld.pid"; } \
    || die "slurmctld did not start: $(tail -5 "$dir/log/slurmctld.log" 2>/dev/null)"
  for _ in $(seq 100); do
    running "$dir/slurmctld.pid" || die "slurmctld stopped: $(tail -3 "$dir/log/slurmctld.log" 2>/dev/null)"
    in_ns scontrol ping 2>/dev/null | grep -q UP && break
    sleep 0.1
  done
  running "$dir/slurmd.pid" || { in_ns slurmd -N localhost && started "$dir/slurmd.pid"; } \
    || die "slurmd did not start: $(tail -5 "$dir/log/slurmd.log" 2>/dev/null)"
  local state=""
  for _ in $(seq 150); do
    running "$dir/slurmctld.pid" || break
    running "$dir/slurmd.pid" || break
    state=$(node_state)
    case $state in IDLE*|MIXED*|ALLOCATED*) echo "local-cluster: node localhost is $state ($(nproc) CPUs), slurmctld and slurmd on 127.0.0.1 of network namespace $netns"; return 0;; esac
    sleep 0.2
  done
  die "node localhost did not become idle in 30 s (state '${state:-unknown}'): $(in_ns scontrol show node localhost 2>&1 | grep -i reason)
slurmctld log: $(tail -5 "$dir/log/slurmctld.log" 2>/dev/null)
slurmd log: $(tail -5 "$dir/log/slurmd.log" 2>/dev/null)"
}

stop() {
  stop_daemon "$dir/slurmd.pid"
  stop_daemon "$dir/slurmctld.pid"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  wipe) stop; rm -rf "$dir"; ! ip netns list 2>/dev/null | grep -qw "$netns" || ip netns del "$netns" ;;
  status) in_ns scontrol show node localhost ;;
  exec) shift; in_ns "$@" ;;
  *) echo "usage: $0 start|stop|wipe|status|exec CMD..." >&2; exit 64 ;;
esac
