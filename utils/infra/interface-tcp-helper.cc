/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "interface-tcp-helper.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InterfaceTcpHelper");

NS_OBJECT_ENSURE_REGISTERED(InterfaceTcpInstances);

TypeId
InterfaceTcpInstances::GetTypeId()
{
    static TypeId tid = TypeId("ns3::InterfaceTcpInstances")
                            .SetParent<Object>()
                            .SetGroupName("Pptp")
                            .AddConstructor<InterfaceTcpInstances>();
    return tid;
}

void
InterfaceTcpInstances::Add(Ptr<TcpL4Protocol> tcp)
{
    m_instances.push_back(tcp);
}

const std::vector<Ptr<TcpL4Protocol>>&
InterfaceTcpInstances::Get() const
{
    return m_instances;
}

void
InterfaceTcpInstances::DoDispose()
{
    // Each instance holds its node and its sockets, which hold it: break the cycles.
    for (auto& tcp : m_instances)
    {
        tcp->Dispose();
    }
    m_instances.clear();
    Object::DoDispose();
}

uint32_t
InterfaceTcpHelper::Install(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<TcpL4Protocol> shared = node->GetObject<TcpL4Protocol>();
    NS_ABORT_MSG_IF(!ipv4 || !shared, "InterfaceTcpHelper: node has no internet stack");
    Ptr<InterfaceTcpInstances> kept = node->GetObject<InterfaceTcpInstances>();
    if (!kept)
    {
        kept = CreateObject<InterfaceTcpInstances>();
        node->AggregateObject(kept);
    }
    uint32_t added = 0;
    for (uint32_t i = 0; i < ipv4->GetNInterfaces(); ++i)
    {
        if (DynamicCast<LoopbackNetDevice>(ipv4->GetNetDevice(i))
            || ipv4->GetProtocol(TcpL4Protocol::PROT_NUMBER, i) != shared)
        {
            continue; // the loopback, or an interface with an instance already
        }
        // Not aggregated (a node has one object of each type): wired by hand as aggregation
        // would do it.
        Ptr<TcpL4Protocol> tcp = CreateObject<TcpL4Protocol>();
        tcp->SetNode(node);
        tcp->SetDownTarget(MakeCallback(&Ipv4::Send, ipv4));
        ipv4->Insert(tcp, i);
        kept->Add(tcp);
        ++added;
    }
    NS_LOG_INFO("node " << node->GetId() << ": " << added << " per-interface TCP instances");
    return added;
}

} // namespace ns3
