#!/bin/sh
# Idle CPU and peak memory of the dashboard over 60 s (docs/PERFORMANCE.md, figure g).
# Needs a release build (cargo build --release), tmux and bc.
rm -rf /tmp/idle && mkdir /tmp/idle
W="$(pwd)/target/release/warroom"
WARROOM_DATA_DIR=/tmp/idle $W demo >/dev/null
tmux kill-session -t idle 2>/dev/null
tmux new -d -s idle -x 120 -y 40 "WARROOM_DATA_DIR=/tmp/idle $W"
sleep 3
PID=$(pgrep -f "^$W$" | head -1)
T0=$(awk '{print $14+$15}' /proc/$PID/stat)
sleep 60
T1=$(awk '{print $14+$15}' /proc/$PID/stat)
HZ=$(getconf CLK_TCK)
echo "pid=$PID ticks=$((T1-T0)) hz=$HZ cpu_seconds=$(echo "scale=3; ($T1-$T0)/$HZ" | bc) percent=$(echo "scale=3; ($T1-$T0)/$HZ/60*100" | bc)"
grep VmHWM /proc/$PID/status
tmux capture-pane -p -t idle | head -5
tmux kill-session -t idle
