# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Build rules for waf-era ns-3 (3.35 and earlier): drop this folder into src/ or contrib/ as
# "pptp". Sources are found by pattern, as in CMakeLists.txt, so both builds list the same files.


def build(bld):
    module = bld.create_ns3_module('pptp', ['internet', 'point-to-point', 'applications',
                                              'virtual-net-device'])
    module.source = [n.path_from(bld.path) for n in
                     bld.path.ant_glob(['model/*.cc', 'helper/*.cc'])]

    module_test = bld.create_ns3_module_test_library('pptp')
    module_test.source = [n.path_from(bld.path) for n in
                          bld.path.ant_glob('test/*-test-suite.cc')]

    headers = bld(features='ns3header')
    headers.module = 'pptp'
    headers.source = [n.path_from(bld.path) for n in
                      bld.path.ant_glob(['model/*.h', 'helper/*.h'])]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
