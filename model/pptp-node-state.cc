/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-node-state.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "pptp-control-connection.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpNodeState");

NS_OBJECT_ENSURE_REGISTERED(PptpNodeState);

TypeId
PptpNodeState::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpNodeState")
                            .SetParent<Object>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PptpNodeState>();
    return tid;
}

PptpNodeState::PptpNodeState()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

Ptr<PptpNodeState>
PptpNodeState::Get(Ptr<Node> node)
{
    Ptr<PptpNodeState> state = node->GetObject<PptpNodeState>();
    if (!state)
    {
        state = CreateObject<PptpNodeState>();
        node->AggregateObject(state);
    }
    return state;
}

void
PptpNodeState::DoDispose()
{
    m_connections.clear();
    m_random = nullptr;
    Object::DoDispose();
}

uint16_t
PptpNodeState::AllocateCallId()
{
    if (!m_started)
    {
        m_started = true;
        m_nextCallId = static_cast<uint16_t>(m_random->GetInteger(1, 65535));
    }
    if (m_callIds.size() >= 65535)
    {
        return 0;
    }
    while (m_nextCallId == 0 || m_callIds.count(m_nextCallId) > 0)
    {
        ++m_nextCallId;
    }
    uint16_t id = m_nextCallId++;
    m_callIds.insert(id);
    return id;
}

void
PptpNodeState::ReleaseCallId(uint16_t callId)
{
    m_callIds.erase(callId);
}

uint32_t
PptpNodeState::GetCallIdsInUse() const
{
    return m_callIds.size();
}

void
PptpNodeState::AddConnection(Ipv4Address peer, Ptr<PptpControlConnection> connection)
{
    m_connections[peer.Get()].push_back(connection);
}

void
PptpNodeState::RemoveConnection(Ipv4Address peer, Ptr<PptpControlConnection> connection)
{
    auto it = m_connections.find(peer.Get());
    if (it == m_connections.end())
    {
        return;
    }
    auto& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), connection), list.end());
    if (list.empty())
    {
        m_connections.erase(it);
    }
}

std::vector<Ptr<PptpControlConnection>>
PptpNodeState::GetConnections(Ipv4Address peer) const
{
    auto it = m_connections.find(peer.Get());
    return it == m_connections.end() ? std::vector<Ptr<PptpControlConnection>>{} : it->second;
}

int64_t
PptpNodeState::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

} // namespace ns3
