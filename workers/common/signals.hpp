#pragma once

namespace smelt::signals {

/// Installs SIGINT/SIGTERM handlers that only set a flag; loops poll it.
void install_stop_handlers();
/// True once SIGINT or SIGTERM arrived (or request_stop() was called).
bool stop_requested() noexcept;
/// Asks every loop to finish its current unit of work and return.
void request_stop() noexcept;

}  // namespace smelt::signals
