#pragma once

#include <string_view>
#include <vector>

namespace smelt::serve {

/// A static file of the dashboard compiled into the binary.
struct Asset {
  std::string_view name;  ///< file name, e.g. "dashboard.js"
  std::string_view bytes;
};

/// Every dashboard file: web/dashboard/* and the chart library (echarts.min.js).
const std::vector<Asset>& assets();

}  // namespace smelt::serve
