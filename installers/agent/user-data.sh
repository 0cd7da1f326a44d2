#!/bin/sh
# Brings up a Throng agent on a fresh Debian or Ubuntu machine; run as root, e.g. as an instance's
# user data on clouds or images without cloud-init (cloud-init.yaml does the same declaratively).
# Set the five values below, then paste the whole file as user data or run: sudo sh user-data.sh
set -eu

# --- set these --------------------------------------------------------------------------------
THRONG_AGENT_DEB_URL=https://downloads.example.internal/throng/throng-agent_0.1.0-0~SNAPSHOT_amd64.deb
THRONG_AGENT_DEB_SHA256=                 # optional: sha256sum of the .deb; checked when set
THRONG_CONTROLLER=tcp://10.0.0.10:5557   # the controller's private address; it listens on 5557
# From `throng keys init DIR` on the controller: DIR/controller.pub, and DIR/agents/agent-N.key
# for this agent (agents may share one). Keep the agent key out of places others can read.
CONTROLLER_PUB='public-key = "REPLACE-WITH-THE-CONTROLLER-PUBLIC-KEY-40"'
AGENT_KEY='public-key = "REPLACE-WITH-THE-AGENT-PUBLIC-KEY-40-CHARS"
secret-key = "REPLACE-WITH-THE-AGENT-SECRET-KEY-40-CHARS"'
# -----------------------------------------------------------------------------------------------

exec >>/var/log/throng-user-data.log 2>&1
echo "throng user-data: start $(date -u)"

umask 027
mkdir -p /etc/throng/keys
printf '%s\n' "$CONTROLLER_PUB" >/etc/throng/keys/controller.pub
printf '%s\n' "$AGENT_KEY" >/etc/throng/keys/agent.key
cat >/etc/throng/agent.env <<ENV
THRONG_CONTROLLER=$THRONG_CONTROLLER
THRONG_KEYS=/etc/throng/keys
ENV
umask 022

deb=/tmp/throng-agent.deb
if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 5 --retry-delay 3 -o "$deb" "$THRONG_AGENT_DEB_URL"
else
    wget -q -O "$deb" "$THRONG_AGENT_DEB_URL"
fi
if [ -n "$THRONG_AGENT_DEB_SHA256" ]; then
    echo "$THRONG_AGENT_DEB_SHA256  $deb" | sha256sum -c -
fi
# The package makes the throng user and gives it read access to the files written above;
# --force-confold keeps this agent.env instead of asking about it.
DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold "$deb"

# Kernel settings for load generation. The story Throng comes from: a farm's 502s were not the
# web servers but a kernel limit. Run out of file descriptors, local ports or accept-queue slots
# and failures look like the system under test failing. The file says what each setting does.
cp /usr/share/throng-agent/99-throng-agent.conf /etc/sysctl.d/
sysctl --system >/dev/null

systemctl enable --now throng-agent.service
echo "throng user-data: agent started $(date -u); follow it with: journalctl -u throng-agent -f"
