# ns3-pptp: the two commands of the README.
#   make run   installs what is missing, builds, and runs the default scenario (pptp-sim)
#   make test  installs what is missing, builds, and runs every test suite through ctest
#   make bench builds and runs the benchmark (pptp-bench)
#   make sanitize  builds the tests with AddressSanitizer + UndefinedBehaviorSanitizer (clang)
#                  and runs them: any report fails
#   make fuzz      builds the libFuzzer targets (same build) and fuzzes each for FUZZ_SECONDS
#   make determinism  the same scenario through the standalone, release and sanitizer
#                  builds: byte-identical results
BUILD_DIR ?= build
SANITIZE_DIR ?= build-sanitize
JOBS ?= 2
CMAKE_BUILD_TYPE ?= RelWithDebInfo
FUZZ_SECONDS ?= 60

.PHONY: all deps configure build run bench demo test sanitize-build sanitize fuzz determinism format clean

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

# One clang build serves both: everything with ASan+UBSan (and coverage for the fuzzers).
$(SANITIZE_DIR)/CMakeCache.txt: | deps
	CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DPPTP_SANITIZE=ON -DPPTP_FUZZ=ON

sanitize-build: deps $(SANITIZE_DIR)/CMakeCache.txt
	cmake --build $(SANITIZE_DIR) -j$(JOBS)

sanitize: sanitize-build
	cd $(SANITIZE_DIR) && ctest --output-on-failure -j$(JOBS)

# The module's release configuration (-O3, no log or assert code, like ns-3's release
# profile) next to the standalone build: the same results, byte for byte, from every build.
RELEASE_DIR ?= build-release
$(RELEASE_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DPPTP_ENABLE_LOGS=OFF \
	    -DPPTP_ENABLE_ASSERTS=OFF

determinism: build $(RELEASE_DIR)/CMakeCache.txt
	cmake --build $(RELEASE_DIR) -j$(JOBS) --target pptp-sim
	test/standalone/compare-builds.sh $(BUILD_DIR)/examples/pptp-sim \
	    $(RELEASE_DIR)/examples/pptp-sim $(wildcard $(SANITIZE_DIR)/examples/pptp-sim)

fuzz: sanitize-build
	test/fuzz/run-fuzzers.sh --fuzz $(CURDIR)/$(SANITIZE_DIR)/fuzz $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(RELEASE_DIR)
