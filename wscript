# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Build rules for waf-era ns-3 (3.35 and earlier): drop this folder into src/ or contrib/ as
# "pptp". The same files as CMakeLists.txt, in the same roles: the module (model/ and
# helper/) links ns-3 alone; the programs under utils/ link it with their support code (and
# pptp-sim Boost.Program_options); the test library tests that support code too.

MODEL_SOURCES = '''
    model/ppp-auth.cc
    model/ppp-chap.cc
    model/ppp-control-packet.cc
    model/ppp-crypto.cc
    model/ppp-frame-header.cc
    model/ppp-fsm.cc
    model/ppp-ipcp.cc
    model/ppp-lcp.cc
    model/ppp-pap.cc
    model/ppp-session.cc
    model/pptp-application.cc
    model/pptp-call-data-path.cc
    model/pptp-call-set.cc
    model/pptp-call.cc
    model/pptp-client.cc
    model/pptp-control-connection.cc
    model/pptp-control-message.cc
    model/pptp-control-stream.cc
    model/pptp-deadline-timer.cc
    model/pptp-decode-error.cc
    model/pptp-down-cause.cc
    model/pptp-drop-reason.cc
    model/pptp-gre-channel.cc
    model/pptp-gre-header.cc
    model/pptp-gre-l4-protocol.cc
    model/pptp-keepalive.cc
    model/pptp-node-state.cc
    model/pptp-server.cc
    model/pptp-stream-framer.cc
    model/pptp-summary.cc
    model/pptp-tunnel-routes.cc
    model/pptp-tunnel.cc
    helper/pptp-helper.cc
    helper/pptp-trace-helper.cc
'''.split()

# Public and private alike: waf-era ns-3 has no private headers.
HEADERS = '''
    model/ppp-auth.h
    model/ppp-chap.h
    model/ppp-control-packet.h
    model/ppp-crypto.h
    model/ppp-frame-header.h
    model/ppp-fsm.h
    model/ppp-ipcp.h
    model/ppp-lcp.h
    model/ppp-pap.h
    model/ppp-session.h
    model/pptp-application.h
    model/pptp-byte-order.h
    model/pptp-call-data-path.h
    model/pptp-call-set.h
    model/pptp-call.h
    model/pptp-client.h
    model/pptp-control-connection.h
    model/pptp-control-message.h
    model/pptp-control-stream.h
    model/pptp-deadline-timer.h
    model/pptp-decode-error.h
    model/pptp-down-cause.h
    model/pptp-drop-reason.h
    model/pptp-gre-channel.h
    model/pptp-gre-header.h
    model/pptp-gre-l4-protocol.h
    model/pptp-keepalive.h
    model/pptp-node-state.h
    model/pptp-server.h
    model/pptp-stream-framer.h
    model/pptp-summary.h
    model/pptp-tunnel-routes.h
    model/pptp-tunnel.h
    helper/pptp-helper.h
    helper/pptp-trace-helper.h
'''.split()

INFRA_SOURCES = '''
    utils/infra/defaults-guard.cc
    utils/infra/interface-tcp-helper.cc
    utils/infra/ipv4-prefix-routing-helper.cc
    utils/infra/ipv4-prefix-routing.cc
'''.split()

SIM_SOURCES = '''
    utils/pptp-sim/pptp-json.cc
    utils/pptp-sim/pptp-results-folder.cc
    utils/pptp-sim/pptp-scenario-config.cc
    utils/pptp-sim/pptp-scenario-metrics.cc
    utils/pptp-sim/pptp-scenario.cc
    utils/pptp-sim/pptp-sim-options.cc
    utils/pptp-sim/pptp-sim-runner.cc
    utils/pptp-sim/pptp-sim-units.cc
    utils/pptp-sim/pptp-sweep.cc
'''.split()

BENCH_SOURCES = ['utils/pptp-bench/pptp-benchmark.cc']

TRACE_SUMMARY_SOURCES = '''
    utils/pptp-trace-summary/pptp-capture-summary.cc
    utils/pptp-trace-summary/pptp-pcap-reader.cc
'''.split()

TEST_SOURCES = '''
    test/pptp-bench-test-suite.cc
    test/pptp-capture-summary-test-suite.cc
    test/pptp-control-malformed-test-suite.cc
    test/pptp-control-message-test-suite.cc
    test/pptp-control-plane-test-suite.cc
    test/pptp-deadline-timer-test-suite.cc
    test/pptp-gre-channel-test-suite.cc
    test/pptp-gre-header-test-suite.cc
    test/pptp-hostile-peer-test-suite.cc
    test/pptp-hostile-scale-test-suite.cc
    test/pptp-ipv4-prefix-routing-test-suite.cc
    test/pptp-keepalive-test-suite.cc
    test/pptp-lcp-echo-test-suite.cc
    test/pptp-ppp-crypto-test-suite.cc
    test/pptp-ppp-frame-header-test-suite.cc
    test/pptp-ppp-fsm-test-suite.cc
    test/pptp-ppp-negotiation-test-suite.cc
    test/pptp-scenario-test-suite.cc
    test/pptp-sim-options-test-suite.cc
    test/pptp-sim-test-suite.cc
    test/pptp-stream-framer-test-suite.cc
    test/pptp-summary-test-suite.cc
    test/pptp-trace-helper-test-suite.cc
    test/pptp-tshark-interop-test-suite.cc
    test/pptp-tunnel-test-suite.cc
'''.split()

UTILS_SOURCES = INFRA_SOURCES + SIM_SOURCES + BENCH_SOURCES + TRACE_SUMMARY_SOURCES

MODULES = ['internet', 'point-to-point', 'applications', 'virtual-net-device', 'traffic-control']


def configure(conf):
    # pptp-sim reads its options with Boost.Program_options (libboost-program-options-dev).
    conf.check_cxx(lib='boost_program_options', header_name='boost/program_options.hpp',
                   uselib_store='BOOST_PROGRAM_OPTIONS', mandatory=True,
                   msg='Checking for Boost.Program_options')
    # summary.json is written with nlohmann's JSON (nlohmann-json3-dev), header-only.
    conf.check_cxx(header_name='nlohmann/json.hpp', mandatory=True,
                   msg="Checking for nlohmann's JSON")


def build(bld):
    module = bld.create_ns3_module('pptp', MODULES)
    module.source = MODEL_SOURCES

    headers = bld(features='ns3header')
    headers.module = 'pptp'
    headers.source = HEADERS

    utils = bld.path.find_dir('utils').abspath()
    scripts = 'PPTP_SCRIPT_FOLDER_PATH="%s"' % bld.path.find_dir('utils/pptp-sim').abspath()

    # The programs are built with the module (their suites run them), examples or not.
    programs = {
        'pptp-sim': (['utils/pptp-sim/pptp-sim.cc'] + SIM_SOURCES + INFRA_SOURCES,
                     ['pptp', 'applications', 'flow-monitor']),
        'pptp-bench': (['utils/pptp-bench/pptp-bench.cc'] + BENCH_SOURCES + INFRA_SOURCES,
                       ['pptp', 'applications']),
        'pptp-trace-summary': (['utils/pptp-trace-summary/pptp-trace-summary.cc']
                               + TRACE_SUMMARY_SOURCES, ['pptp']),
    }
    for name, (sources, deps) in programs.items():
        program = bld.create_ns3_program(name, deps)
        program.source = sources
        program.includes = [utils]
        if name == 'pptp-sim':
            program.uselib = 'BOOST_PROGRAM_OPTIONS'
            program.defines = [scripts]

    module_test = bld.create_ns3_module_test_library('pptp')
    module_test.source = TEST_SOURCES + UTILS_SOURCES
    module_test.includes = [utils]
    module_test.uselib = 'BOOST_PROGRAM_OPTIONS'
    sim = bld.get_tgen_by_name('pptp-sim')
    module_test.defines = [scripts, 'PPTP_SIM_EXECUTABLE="%s"'
                           % sim.path.get_bld().make_node(sim.target).abspath()]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
