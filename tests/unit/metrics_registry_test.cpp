// Prometheus text exposition as smelt renders it.
#include <gtest/gtest.h>

#include <limits>

#include "metrics/registry.hpp"

namespace smelt::metrics {
namespace {

TEST(MetricsRegistry, RendersCountersGaugesAndHistograms) {
  Registry registry;
  registry.counter("smelt_things_total", "Things");
  registry.gauge("smelt_lag_seconds", "Lag");
  registry.histogram("smelt_duration_seconds", "Duration", {0.1, 1});
  registry.add("smelt_things_total", {{"reason", "a\"b"}}, 2);
  registry.add("smelt_things_total", {{"reason", "a\"b"}});
  registry.set("smelt_lag_seconds", {{"partition", "0"}}, 1.5);
  registry.observe("smelt_duration_seconds", {}, 0.05);
  registry.observe("smelt_duration_seconds", {}, 0.5);
  registry.observe("smelt_duration_seconds", {}, 5);
  EXPECT_EQ(registry.render(),
            "# HELP smelt_duration_seconds Duration\n"
            "# TYPE smelt_duration_seconds histogram\n"
            "smelt_duration_seconds_bucket{le=\"0.1\"} 1\n"
            "smelt_duration_seconds_bucket{le=\"1\"} 2\n"
            "smelt_duration_seconds_bucket{le=\"+Inf\"} 3\n"
            "smelt_duration_seconds_sum 5.55\n"
            "smelt_duration_seconds_count 3\n"
            "# HELP smelt_lag_seconds Lag\n"
            "# TYPE smelt_lag_seconds gauge\n"
            "smelt_lag_seconds{partition=\"0\"} 1.5\n"
            "# HELP smelt_things_total Things\n"
            "# TYPE smelt_things_total counter\n"
            "smelt_things_total{reason=\"a\\\"b\"} 3\n");
}

TEST(MetricsRegistry, ClearForgetsGaugeSeries) {
  Registry registry;
  registry.gauge("g", "G");
  registry.set("g", {{"partition", "1"}}, 4);
  registry.clear("g");
  registry.set("g", {{"partition", "2"}}, 0);
  EXPECT_EQ(registry.render(), "# HELP g G\n# TYPE g gauge\ng{partition=\"2\"} 0\n");
}

TEST(MetricsRegistry, ValuesUseTheExpositionSpelling) {
  EXPECT_EQ(format_value(0.1), "0.1");
  EXPECT_EQ(format_value(1e20), "1e+20");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(escape_label_value("a\\b\nc"), "a\\\\b\\nc");
}

TEST(MetricsRegistry, UndeclaredOrMistypedMetricsThrow) {
  Registry registry;
  registry.gauge("g", "G");
  EXPECT_ANY_THROW(registry.add("g", {}));
  EXPECT_ANY_THROW(registry.set("missing", {}, 1));
}

}  // namespace
}  // namespace smelt::metrics
