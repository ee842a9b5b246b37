#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smelt::pg {

struct ResultDeleter {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
/// An owned libpq result.
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

/// A statement parameter: text, or NULL when empty.
using Param = std::optional<std::string>;

/// A thin libpq session for the hot path (COPY, offsets): explicit
/// transactions, text parameters, COPY FROM STDIN from one buffer.
/// Errors throw smelt::Error (ExitCode::database) with the server's message;
/// is_connection_error() tells whether reconnecting may help.
class Session {
 public:
  /// Connects with a conninfo or URI ("" = libpq defaults).
  explicit Session(const std::string& conninfo);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Runs a statement with text parameters; returns its result.
  ResultPtr exec(std::string_view sql, const std::vector<Param>& params = {});
  /// Runs `copy ... from stdin` and sends `data` (COPY text format) as its input;
  /// returns the number of rows the server loaded.
  long copy_in(std::string_view copy_sql, std::string_view data);
  /// The same in steps: copy_begin runs `copy ... from stdin`, copy_data
  /// sends a piece of its input (any number of times), copy_end finishes it
  /// and returns the number of rows the server loaded.
  void copy_begin(std::string_view copy_sql);
  void copy_data(std::string_view data);
  long copy_end();
  /// Begins, commits or rolls back a transaction. begin() first ends a
  /// transaction a failed rollback left open (a cancel can land on the
  /// rollback itself); rollback() tries again while the connection is still
  /// in a transaction, and never throws.
  void begin();
  void commit() { exec("commit"); }
  void rollback() noexcept;
  /// True when the connection is still usable.
  bool ok() const noexcept { return PQstatus(conn_) == CONNECTION_OK; }
  /// SQLSTATE of the last failed statement ("" when the server sent none:
  /// libpq's own error, e.g. the connection broke).
  const std::string& last_sqlstate() const noexcept { return last_sqlstate_; }

 private:
  void remember_sqlstate(const PGresult* result);

  PGconn* conn_ = nullptr;
  std::string last_sqlstate_;
};

/// True for SQLSTATEs that name the server's weather rather than a bug:
/// connection failures (08), insufficient resources such as a full disk (53),
/// the server shutting down or starting up (57P01-57P03), a statement an
/// operator cancelled (57014), serialization failures and deadlocks (40001,
/// 40P01). Retrying later may succeed.
bool is_transient_sqlstate(std::string_view sqlstate) noexcept;

/// True for SQLSTATE 53100 (disk_full).
inline bool is_disk_full(std::string_view sqlstate) noexcept { return sqlstate == "53100"; }

/// The first field of the first row as text, or nullopt for NULL / no rows.
std::optional<std::string> first_value(const PGresult* result);

}  // namespace smelt::pg
