#pragma once

#include <string>
#include <string_view>

// Unicode normalisation for grouping: NFKC and full case folding, implemented
// on smelt's own tables (unicode_tables.cpp). Input that is not valid UTF-8 is
// read with U+FFFD in place of each ill-formed byte.
namespace smelt::text {

/// Normalization Form KC: compatibility decomposition, canonical ordering,
/// canonical composition ("ｈａｓｈ" -> "hash", "e\u0301" -> "é", "ﬁ" -> "fi").
std::string nfkc(std::string_view text);

/// Full case folding (CaseFolding.txt C + F): "Straße" -> "strasse".
std::string case_fold(std::string_view text);

/// The grouping key of a hashtag: NFKC(case_fold(NFKC(tag))), without any
/// leading '#' or '＃'. "#Café", "#CAFE\u0301" and "#ＣＡＦＥ́" all give "café".
std::string normalize_hashtag(std::string_view tag);

}  // namespace smelt::text
