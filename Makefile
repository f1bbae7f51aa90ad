# ns3-pptp: the two commands of the README.
#   make run   installs what is missing, builds, and runs the default scenario (pptp-sim)
#   make test  installs what is missing, builds, and runs every test suite through ctest
#   make bench builds and runs the benchmark (pptp-bench)
BUILD_DIR ?= build
JOBS ?= 2
CMAKE_BUILD_TYPE ?= RelWithDebInfo

.PHONY: all deps configure build run bench demo test format clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(CMAKE_BUILD_TYPE)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The scenario runner on the default scenario: a dozen clients over lossy links for an hour,
# with a link outage; results, CSV time series and plots in results/default/.
run: build
	./$(BUILD_DIR)/examples/pptp-sim --config examples/scenarios/default.ini --out results/default

# What tunnels cost to simulate: 100 / 1,000 / 10,000 tunnels for a simulated hour, 10 clients
# x 1,000 calls, and packets through a tunnel against the same packets without (a few minutes).
bench: build
	./$(BUILD_DIR)/examples/pptp-bench

# The earlier demonstrations: decode the committed capture of real pptpd and pptp-linux, then
# run the LAN-to-LAN seed scenario (its pcap files go to results/).
demo: build
	./$(BUILD_DIR)/examples/pptp-trace-summary test/captures/real-pptpd-session.pcap
	mkdir -p results
	./$(BUILD_DIR)/examples/pptp-lan-to-lan --pcap=results/pptp-lan-to-lan

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

format:
	clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD_DIR)
