#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

// Prometheus metrics held in process and rendered in the text exposition
// format (version 0.0.4).
namespace smelt::metrics {

/// Label names and values, in the order they are rendered.
using Labels = std::vector<std::pair<std::string, std::string>>;

/// A set of named counters, gauges and histograms; safe to update from any
/// thread. Names follow Prometheus conventions (`smelt_ingest_messages_total`).
class Registry {
 public:
  /// Declares a counter (only ever goes up) with its help text.
  void counter(const std::string& name, const std::string& help);
  /// Declares a gauge (any value) with its help text.
  void gauge(const std::string& name, const std::string& help);
  /// Declares a histogram with upper bucket bounds (ascending, +Inf is implied).
  void histogram(const std::string& name, const std::string& help, std::vector<double> bounds);

  /// Adds `amount` to a counter.
  void add(const std::string& name, const Labels& labels, double amount = 1);
  /// Sets a gauge.
  void set(const std::string& name, const Labels& labels, double value);
  /// Forgets every series of a gauge (before setting the current ones again).
  void clear(const std::string& name);
  /// Records one observation in a histogram.
  void observe(const std::string& name, const Labels& labels, double value);

  /// Every declared metric in the text exposition format.
  std::string render() const;

 private:
  enum class Kind { counter, gauge, histogram };
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // per bound, not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    Kind kind = Kind::gauge;
    std::string help;
    std::vector<double> bounds;
    std::map<Labels, double> values;
    std::map<Labels, Histogram> histograms;
  };
  Family& family(const std::string& name, Kind kind);

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

/// A label value escaped for the exposition format (backslash, quote, newline).
std::string escape_label_value(const std::string& value);

/// A sample value as the exposition format writes it (NaN, +Inf, -Inf, shortest round-trip).
std::string format_value(double value);

}  // namespace smelt::metrics
