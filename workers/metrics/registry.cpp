#include "metrics/registry.hpp"

#include <cmath>
#include <cstdio>

#include "common/error.hpp"

namespace smelt::metrics {
namespace {

std::string render_labels(const Labels& labels, const std::string& extra_name = "",
                          const std::string& extra_value = "") {
  if (labels.empty() && extra_name.empty()) return "";
  std::string text = "{";
  bool first = true;
  for (const auto& [name, value] : labels) {
    text += (first ? "" : ",") + name + "=\"" + escape_label_value(value) + "\"";
    first = false;
  }
  if (!extra_name.empty()) text += (first ? "" : ",") + extra_name + "=\"" + extra_value + "\"";
  return text + "}";
}

const char* type_name(int kind) {
  switch (kind) {
    case 0: return "counter";
    case 1: return "gauge";
    default: return "histogram";
  }
}

}  // namespace

std::string escape_label_value(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  double back = 0;
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::sscanf(buffer, "%lf", &back) == 1 && back == value) break;
  }
  return buffer;
}

Registry::Family& Registry::family(const std::string& name, Kind kind) {
  auto found = families_.find(name);
  if (found == families_.end() || found->second.kind != kind) {
    throw Error(ExitCode::failure, "metric " + name + " is not declared as that kind");
  }
  return found->second;
}

void Registry::counter(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  families_[name] = Family{Kind::counter, help, {}, {}, {}};
}

void Registry::gauge(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  families_[name] = Family{Kind::gauge, help, {}, {}, {}};
}

void Registry::histogram(const std::string& name, const std::string& help, std::vector<double> bounds) {
  std::lock_guard lock(mutex_);
  families_[name] = Family{Kind::histogram, help, std::move(bounds), {}, {}};
}

void Registry::add(const std::string& name, const Labels& labels, double amount) {
  std::lock_guard lock(mutex_);
  family(name, Kind::counter).values[labels] += amount;
}

void Registry::set(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  family(name, Kind::gauge).values[labels] = value;
}

void Registry::clear(const std::string& name) {
  std::lock_guard lock(mutex_);
  family(name, Kind::gauge).values.clear();
}

void Registry::observe(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  auto& found = family(name, Kind::histogram);
  auto& histogram = found.histograms[labels];
  histogram.buckets.resize(found.bounds.size());
  for (size_t i = 0; i < found.bounds.size(); ++i) {
    if (value <= found.bounds[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += value;
}

std::string Registry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out += "# HELP " + name + " " + family.help + "\n";
    out += "# TYPE " + name + " " + type_name(static_cast<int>(family.kind)) + "\n";
    for (const auto& [labels, value] : family.values) {
      out += name + render_labels(labels) + " " + format_value(value) + "\n";
    }
    for (const auto& [labels, histogram] : family.histograms) {
      std::uint64_t cumulative = 0;
      for (size_t i = 0; i < family.bounds.size(); ++i) {
        cumulative += histogram.buckets[i];
        out += name + "_bucket" + render_labels(labels, "le", format_value(family.bounds[i])) + " " +
               std::to_string(cumulative) + "\n";
      }
      out += name + "_bucket" + render_labels(labels, "le", "+Inf") + " " + std::to_string(histogram.count) + "\n";
      out += name + "_sum" + render_labels(labels) + " " + format_value(histogram.sum) + "\n";
      out += name + "_count" + render_labels(labels) + " " + std::to_string(histogram.count) + "\n";
    }
  }
  return out;
}

}  // namespace smelt::metrics
