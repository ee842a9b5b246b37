#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smelt::migrate {

/// One SQL statement of a script, as psql would send it.
struct Statement {
  std::string_view text;  ///< from its first token to its end (semicolon excluded)
  std::size_t offset;     ///< byte offset of text in the script
  int line;               ///< 1-based line of the first token in the script
};

/// Splits a script into statements at top-level semicolons the way psql does:
/// quotes, E'' strings, quoted identifiers, dollar quoting, -- and nested /* */
/// comments, parentheses and BEGIN ATOMIC ... END bodies are respected.
/// Leading comments and blank space are not part of a statement; a script of
/// only comments has no statements.
std::vector<Statement> split_statements(std::string_view script);

/// The 1-based line of a byte offset in text.
int line_of_offset(std::string_view text, std::size_t offset);

/// The byte offset of a 1-based character position (as PostgreSQL reports
/// error positions, counting UTF-8 characters); clamped to text.size().
std::size_t byte_offset_of_position(std::string_view text, int position);

/// The first `count` words of a statement, lowercased, skipping comments and
/// punctuation (quoted text ends the scan).
std::vector<std::string> leading_words(std::string_view statement, std::size_t count);

/// The transaction-control command a statement is ("begin", "commit",
/// "rollback" ...), or nothing. smelt manages transactions itself.
std::optional<std::string> transaction_control(std::string_view statement);

/// Why a statement cannot run inside a transaction block ("vacuum", "create
/// index concurrently", "create database" ...), or nothing when it can.
std::optional<std::string> needs_no_transaction(std::string_view statement);

/// True when the script's leading comments hold the line `-- smelt:no-transaction`.
bool has_no_transaction_marker(std::string_view script);

}  // namespace smelt::migrate
