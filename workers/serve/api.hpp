#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pg/session.hpp"

// The dashboard's JSON API: which statement each endpoint runs and with which
// parameters. Every statement lives in sql/queries/api/ and reads gold only;
// parameters are validated here and passed to PostgreSQL as parameters, never
// spliced into SQL text.
namespace smelt::serve {

/// A request the API refuses (HTTP 400); what() tells the caller what to fix.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The platform and campaign values that exist in gold (gold.dim_platform, gold.dim_campaign).
struct KnownValues {
  std::set<std::string> platforms;
  std::set<std::string> campaigns;  ///< campaign ids as text
};

/// One API call resolved: the embedded statement and its parameters.
struct ApiQuery {
  std::string_view sql;
  std::vector<pg::Param> params;
};

/// Query-string parameters as received (repeated names keep every value).
using QueryParams = std::multimap<std::string, std::string>;

/// The endpoint names under /api/ (filters, engagement_minute, ...).
const std::vector<std::string>& api_endpoints();

/// Resolves /api/<endpoint>?<params>. Throws BadRequest for an unknown
/// endpoint, an unknown or repeated parameter, or a value out of range.
ApiQuery plan_api_query(const std::string& endpoint, const QueryParams& params, const KnownValues& known);

}  // namespace smelt::serve
