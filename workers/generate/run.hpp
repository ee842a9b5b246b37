#pragma once

#include <cstdint>
#include <string>

#include "generate/generator.hpp"
#include "kafka/client.hpp"

namespace smelt::generate {

/// Everything `smelt generate` was asked to do.
struct RunOptions {
  GeneratorOptions generator;
  double rate_per_s = DEFAULT_EVENTS_PER_SIMULATED_SECOND;  ///< wall-clock pace; 0 = as fast as possible
  double event_rate_per_s = DEFAULT_EVENTS_PER_SIMULATED_SECOND;  ///< messages per second of event time
  std::uint64_t count = 10'000;  ///< messages to send; 0 = until stopped (or --duration)
  double duration_s = 0;         ///< > 0: stop after this much wall time
  std::string output;            ///< JSON-lines file ("-" = stdout); empty = Kafka
  kafka::Options kafka;
};

/// Generates and sends messages until the count, the duration or a stop
/// signal; logs progress every 2 s and a summary at the end. Throws
/// smelt::Error: kafka/failure when messages were lost, interrupted (after
/// flushing what was produced) on SIGINT/SIGTERM.
void run(const RunOptions& options);

}  // namespace smelt::generate
