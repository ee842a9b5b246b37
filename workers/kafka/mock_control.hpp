#pragma once

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <string>
#include <string_view>

// Fault injection into the local broker (librdkafka's mock cluster), one
// command per line, for fault tests and drills (`smelt broker --control`).
namespace smelt::kafka {

/// Applies one command to the cluster and returns what it did, for the log:
///   down [BROKER]                 disconnect a broker (default: all) and refuse connections
///   up [BROKER]                   accept connections again
///   rtt BROKER MS                 delay every response of a broker by MS (0: none)
///   errors API COUNT ERROR        fail the next COUNT requests of API with ERROR
///   delay BROKER API COUNT MS     delay the next COUNT responses of API from BROKER by MS
/// API is a request name (Fetch, ListOffsets, Metadata, OffsetCommit,
/// OffsetFetch, FindCoordinator, JoinGroup, Heartbeat, LeaveGroup, SyncGroup,
/// Produce, SaslHandshake, SaslAuthenticate) or its number; ERROR is a Kafka error name such as
/// NOT_COORDINATOR or REQUEST_TIMED_OUT. Throws smelt::Error (usage) on
/// anything else.
std::string apply_mock_command(rd_kafka_mock_cluster_t* cluster, std::string_view line);

}  // namespace smelt::kafka
