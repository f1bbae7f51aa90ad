# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Build rules for waf-era ns-3 (3.35 and earlier): drop this folder into src/ or contrib/ as
# "pptp". Sources are found by pattern, as in CMakeLists.txt, so both builds list the same files.


def configure(conf):
    # The scenario runner (helper/pptp-sim-*.cc, examples/pptp-sim.cc) reads its options with
    # Boost.Program_options (Debian: libboost-program-options-dev).
    conf.check_cxx(lib='boost_program_options', header_name='boost/program_options.hpp',
                   uselib_store='BOOST_PROGRAM_OPTIONS', mandatory=True,
                   msg='Checking for Boost.Program_options')


def build(bld):
    module = bld.create_ns3_module('pptp', ['internet', 'point-to-point', 'applications',
                                              'virtual-net-device', 'traffic-control'])
    module.source = [n.path_from(bld.path) for n in
                     bld.path.ant_glob(['model/*.cc', 'helper/*.cc'])]
    module.uselib = 'BOOST_PROGRAM_OPTIONS'
    # Where the scenario runner finds its plotting script.
    module.defines = ['PPTP_PLOT_SCRIPT_PATH="%s"' %
                      bld.path.find_node('utils/pptp-plot.py').abspath()]

    module_test = bld.create_ns3_module_test_library('pptp')
    module_test.source = [n.path_from(bld.path) for n in
                          bld.path.ant_glob('test/*-test-suite.cc')]

    headers = bld(features='ns3header')
    headers.module = 'pptp'
    headers.source = [n.path_from(bld.path) for n in
                      bld.path.ant_glob(['model/*.h', 'helper/*.h'])]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
        # The suites that run the scenario runner as a program find it here.
        sim = bld.get_tgen_by_name('pptp-sim')
        module_test.defines = list(getattr(module_test, 'defines', [])) + [
            'PPTP_SIM_EXECUTABLE="%s"' % sim.path.get_bld().make_node(sim.target).abspath()]
