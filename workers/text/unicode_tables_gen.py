#!/usr/bin/env python3
"""Generates unicode_tables.cpp from the Unicode Character Database.

The data comes from Debian's `unicode-data` package (/usr/share/unicode), so
the tables are reproducible offline:

    apt-get install unicode-data
    python3 workers/text/unicode_tables_gen.py > workers/text/unicode_tables.cpp

Only what smelt's text features need is emitted: hashtag character classes
(letters, marks, decimal digits and twitter-text's extra hashtag characters),
Extended_Pictographic, canonical combining classes, full compatibility
decompositions and canonical compositions (for NFKC), full case folding and
simple lowercase mappings.
"""

import re
import sys

UCD = "/usr/share/unicode"

# twitter-text's hashtagSpecialChars: joiners and script punctuation that may
# appear inside a hashtag but do not make one on their own.
HASHTAG_SPECIAL = [0x5F, 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C,
                   0x309B, 0x309C, 0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7]

CLASS_ALPHA = 1
CLASS_DIGIT = 2
CLASS_SPECIAL = 4


def parse_range(text):
    text = text.strip()
    if ".." in text:
        a, b = text.split("..")
        return int(a, 16), int(b, 16)
    return int(text, 16), int(text, 16)


def read_unicode_data():
    """Yields (code point, fields) for every assigned code point, expanding ranges."""
    pending = None
    with open(f"{UCD}/UnicodeData.txt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            cp = int(fields[0], 16)
            name = fields[1]
            if name.endswith(", First>"):
                pending = cp
                continue
            if name.endswith(", Last>"):
                for c in range(pending, cp + 1):
                    yield c, fields
                pending = None
                continue
            yield cp, fields


def read_property(path, wanted):
    result = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, prop = [p.strip() for p in line.split(";")[:2]]
            if prop == wanted:
                a, b = parse_range(cps)
                result.update(range(a, b + 1))
    return result


def ranges_of(values):
    """Turns {cp: value} into sorted (first, last, value) runs."""
    runs = []
    for cp in sorted(values):
        v = values[cp]
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] == v:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, v])
    return runs


def main():
    category = {}
    ccc = {}
    decomposition = {}
    lowercase = {}
    for cp, fields in read_unicode_data():
        category[cp] = fields[2]
        if int(fields[3]) != 0:
            ccc[cp] = int(fields[3])
        if fields[5]:
            parts = fields[5].split()
            compat = parts[0].startswith("<")
            if compat:
                parts = parts[1:]
            decomposition[cp] = (compat, [int(p, 16) for p in parts])
        if fields[13]:
            lowercase[cp] = int(fields[13], 16)

    hashtag = {}
    for cp, cat in category.items():
        if cat[0] in "LM":
            hashtag[cp] = CLASS_ALPHA
        elif cat == "Nd":
            hashtag[cp] = CLASS_DIGIT
    for cp in HASHTAG_SPECIAL:
        hashtag.setdefault(cp, CLASS_SPECIAL)

    pictographic = read_property(f"{UCD}/emoji/emoji-data.txt", "Extended_Pictographic")
    exclusions = read_property(f"{UCD}/DerivedNormalizationProps.txt", "Full_Composition_Exclusion")

    def full_decomposition(cp):
        if cp not in decomposition:
            return [cp]
        out = []
        for part in decomposition[cp][1]:
            out.extend(full_decomposition(part))
        return out

    nfkd = {cp: full_decomposition(cp) for cp in decomposition}
    compositions = []
    for cp, (compat, parts) in decomposition.items():
        if not compat and len(parts) == 2 and cp not in exclusions:
            compositions.append((parts[0], parts[1], cp))
    compositions.sort()

    folding = {}
    with open(f"{UCD}/CaseFolding.txt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, status, mapping = [p.strip() for p in line.split(";")[:3]]
            if status in ("C", "F"):
                folding[int(code, 16)] = [int(p, 16) for p in mapping.split()]

    version = "unknown"
    with open(f"{UCD}/DerivedNormalizationProps.txt", encoding="utf-8") as f:
        m = re.search(r"DerivedNormalizationProps-(\d+\.\d+\.\d+)\.txt", f.read(400))
        if m:
            version = m.group(1)

    emit(version, hashtag, pictographic, ccc, nfkd, compositions, folding, lowercase)


def emit_sequences(name, mapping):
    pool = []
    entries = []
    for cp in sorted(mapping):
        seq = mapping[cp]
        entries.append((cp, len(pool), len(seq)))
        pool.extend(seq)
    out = [f"constexpr char32_t {name}_POOL[] = {{"]
    for i in range(0, len(pool), 10):
        out.append("    " + ", ".join(f"0x{c:X}" for c in pool[i:i + 10]) + ",")
    out.append("};")
    out.append(f"constexpr SequenceEntry {name}[] = {{")
    for i in range(0, len(entries), 4):
        out.append("    " + " ".join(f"{{0x{c:X}, {o}, {n}}}," for c, o, n in entries[i:i + 4]))
    out.append("};")
    return "\n".join(out)


def emit_ranges(name, runs):
    out = [f"constexpr RangeValue {name}[] = {{"]
    for i in range(0, len(runs), 4):
        out.append("    " + " ".join(f"{{0x{a:X}, 0x{b:X}, {v}}}," for a, b, v in runs[i:i + 4]))
    out.append("};")
    return "\n".join(out)


def emit(version, hashtag, pictographic, ccc, nfkd, compositions, folding, lowercase):
    print(f"""// Generated by unicode_tables_gen.py from the Unicode Character Database
// {version} (Debian package unicode-data). Do not edit by hand.

#include "text/unicode_tables.hpp"

namespace smelt::text::tables {{

namespace {{
""")
    print(emit_ranges("HASHTAG_CLASS", ranges_of(hashtag)))
    print()
    print(emit_ranges("PICTOGRAPHIC", ranges_of({cp: 1 for cp in pictographic})))
    print()
    print(emit_ranges("COMBINING_CLASS", ranges_of(ccc)))
    print()
    print(emit_sequences("DECOMPOSITION", nfkd))
    print()
    print(emit_sequences("CASE_FOLDING", folding))
    print()
    print("constexpr Composition COMPOSITION[] = {")
    for i in range(0, len(compositions), 3):
        print("    " + " ".join(f"{{0x{a:X}, 0x{b:X}, 0x{c:X}}}," for a, b, c in compositions[i:i + 3]))
    print("};")
    print()
    print("constexpr CodePointPair LOWERCASE[] = {")
    items = sorted(lowercase.items())
    for i in range(0, len(items), 5):
        print("    " + " ".join(f"{{0x{a:X}, 0x{b:X}}}," for a, b in items[i:i + 5]))
    print("};")
    print(f"""
}}  // namespace

const char* unicode_version() {{ return "{version}"; }}
std::span<const RangeValue> hashtag_class() {{ return HASHTAG_CLASS; }}
std::span<const RangeValue> pictographic() {{ return PICTOGRAPHIC; }}
std::span<const RangeValue> combining_class() {{ return COMBINING_CLASS; }}
std::span<const SequenceEntry> decomposition() {{ return DECOMPOSITION; }}
std::span<const char32_t> decomposition_pool() {{ return DECOMPOSITION_POOL; }}
std::span<const SequenceEntry> case_folding() {{ return CASE_FOLDING; }}
std::span<const char32_t> case_folding_pool() {{ return CASE_FOLDING_POOL; }}
std::span<const Composition> composition() {{ return COMPOSITION; }}
std::span<const CodePointPair> lowercase() {{ return LOWERCASE; }}

}}  // namespace smelt::text::tables""")


if __name__ == "__main__":
    sys.exit(main())
