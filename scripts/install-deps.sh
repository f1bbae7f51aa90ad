#!/usr/bin/env bash
# Installs the Debian packages the module needs to build, test and plot, if any is missing.
# Uses sudo when not run as root. Safe to run again: it does nothing when all are present.
set -euo pipefail

packages=(
    g++ cmake make pkg-config
    libns3-dev libgsl-dev            # ns-3.37; without libgsl-dev ns-3's CMake targets do not link
    ns3                              # its helper programs, which ns-3's CMake package names
    libboost-program-options-dev
    nlohmann-json3-dev               # pptp-sim writes summary.json with it (header-only)
    python3                          # pptp-sim's sweeps are aggregated by a Python script
    libtcmalloc-minimal4             # the allocator pptp-sim and pptp-bench link when present
    tshark                           # the interoperability test decodes our pcap with it
    python3-matplotlib               # pptp-sim's plots (utils/pptp-sim/pptp-plot.py)
    clang libclang-rt-14-dev         # make sanitize and make fuzz: ASan, UBSan, LSan runtimes
    libfuzzer-14-dev                 # make fuzz: libFuzzer
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
