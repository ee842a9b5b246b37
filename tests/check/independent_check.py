#!/usr/bin/env python3
"""Independent check of gold against the generated events.

    tests/check/independent_check.py --events FILE --database CONNINFO [--campaigns FILE]

Reads the JSON lines that `smelt generate --output FILE` wrote (the very
messages that went to Kafka), computes six figures with its own logic,
written from docs/ingest.md, docs/decoding.md, docs/text-features.md and
docs/data-dictionary.md rather than from the SQL, and compares each one
exactly with gold:

  1. posts per platform per day            gold.mart_hourly_activity.posts
  2. likes gained per platform per hour    gold.mart_hourly_activity.likes_gained
  3. top 20 hashtags by posts, all days    gold.mart_hashtag_daily.posts
  4. posts per campaign per day            gold.mart_campaign_daily.posts
  5. daily active users per platform       gold.mart_daily_active_users
  6. trending hashtags: posts in the 7-day  gold.mart_trending_hashtags_7d
     window and the 7 days before it        (the window: the UTC day of the
                                            published complete_through)

Prints a short report per figure and exits 1 when any figure differs
(2 on usage or database errors). Standard library only.

--campaigns FILE: a JSON list of {"name", "hashtags", "keywords", "starts",
"ends"} objects; without it the generator's six campaigns, open-ended from
2000-01-01, are used (as the end-to-end test and scripts/demo.sh add them).
"""

import argparse
import calendar
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

SOURCES = {"x", "instagram", "tiktok", "youtube", "reddit"}
KINDS = {"post", "comment", "user"}
MAX_MESSAGE_BYTES = 1 << 20

GENERATOR_CAMPAIGNS = [
    {"name": "Aurora X2 launch", "hashtags": ["AuroraX2", "ShotOnAurora", "AuroraLaunch"],
     "keywords": ["Aurora X2", "Aurora phone"]},
    {"name": "Verde Cola summer", "hashtags": ["VerdeCola", "TasteTheGreen", "VerdeSummer"],
     "keywords": ["Verde Cola"]},
    {"name": "Helix Bank app relaunch", "hashtags": ["HelixBank", "HelixDown", "HelixRewards"],
     "keywords": ["Helix Bank", "Helix app"]},
    {"name": "Nimbus Air new routes", "hashtags": ["NimbusAir", "FlyNimbus", "NimbusDelays"],
     "keywords": ["Nimbus Air"]},
    {"name": "Pulse 30-day challenge", "hashtags": ["PulseChallenge", "30DaysOfPulse"],
     "keywords": ["Pulse Fit", "Pulse app"]},
    {"name": "Orbit+ originals", "hashtags": ["OrbitOriginals", "OrbitFinale", "OrbitPlus"],
     "keywords": ["Orbit+", "Orbit Originals"]},
]


# --------------------------------------------------------------------------
# Times


RFC3339 = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?"
                     r"(?:([Zz])|([+-])(\d{2}):?(\d{2}))")


def parse_rfc3339_us(text):
    """Microseconds since the epoch, or None (docs/ingest.md: RFC 3339, ranges checked)."""
    if not isinstance(text, str):
        return None
    m = RFC3339.fullmatch(text)
    if not m:
        return None
    year, month, day, hour, minute, second = (int(m.group(i)) for i in range(1, 7))
    if year < 1970 or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if hour > 23 or minute > 59 or second > 59:
        return None
    micros = int((m.group(7) or "0")[:6].ljust(6, "0"))
    offset = 0
    if not m.group(8):
        oh, om = int(m.group(10)), int(m.group(11))
        if oh > 23 or om > 59:
            return None
        offset = (oh * 3600 + om * 60) * (1 if m.group(9) == "+" else -1)
    seconds = calendar.timegm((year, month, day, hour, minute, second)) - offset
    return seconds * 1_000_000 + micros


V11_TIME = "%a %b %d %H:%M:%S %z %Y"


def created_us(source, payload_time):
    """A creation time in microseconds, from whichever form the platform uses."""
    if isinstance(payload_time, bool) or payload_time is None:
        raise ValueError("no creation time")
    if isinstance(payload_time, (int, float)):
        # Unix seconds (TikTok integers, Reddit floats), kept to the microsecond.
        return int(round(payload_time * 1_000_000)) if isinstance(payload_time, float) else payload_time * 1_000_000
    us = parse_rfc3339_us(payload_time)
    if us is None:
        # X API v1.1: "Wed Oct 10 20:19:24 +0000 2018"
        t = dt.datetime.strptime(payload_time, V11_TIME)
        us = int(t.timestamp()) * 1_000_000
    return us


def day_of(us):
    return dt.datetime.fromtimestamp(us // 1_000_000, dt.timezone.utc).date().isoformat()


def hour_of(us):
    t = dt.datetime.fromtimestamp(us // 1_000_000, dt.timezone.utc)
    return t.strftime("%Y-%m-%d %H:00:00")


# --------------------------------------------------------------------------
# Ingest: which messages land in bronze (docs/ingest.md, "What gets rejected")


def _reject_constant(name):
    raise ValueError("not JSON: " + name)


def _has_surrogate(value):
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return not -(1 << 63) <= value < (1 << 64)  # beyond 64 bits: refused like a bad document
    return False


def accept(raw):
    """(envelope, None) for a message ingest stores in bronze, (None, reason) for a reject."""
    if len(raw) > MAX_MESSAGE_BYTES:
        return None, "oversized"
    if b"\x00" in raw:
        return None, "nul_byte"
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        return None, "invalid_utf8"
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return None, "invalid_json"
    if _has_surrogate(doc):
        return None, "invalid_json"
    if not isinstance(doc, dict):
        return None, "not_an_object"
    for field in ("source", "kind", "observed_at", "payload"):
        if field not in doc:
            return None, "missing_field"
    if not isinstance(doc["source"], str) or doc["source"] not in SOURCES:
        return None, "bad_field"
    if not isinstance(doc["kind"], str) or doc["kind"] not in KINDS:
        return None, "bad_field"
    if not isinstance(doc["payload"], dict):
        return None, "bad_field"
    observed = parse_rfc3339_us(doc["observed_at"])
    if observed is None:
        return None, "bad_field"
    doc["_observed_us"] = observed
    return doc, None


# --------------------------------------------------------------------------
# Hashtags (docs/text-features.md)


HASH_JOINERS = set("_\u200c\u200d\u00b7\u05be\u05f3\u05f4\u301c\uff5e\u30fb\u309b\u309c\u30a0\u3003\ua67e\u0f0b\u0f0c")


def _tag_char(c):
    cat = unicodedata.category(c)
    return cat[0] in "LM" or cat == "Nd" or c in HASH_JOINERS


def extract_hashtags(text):
    """twitter-text style extraction, enough for the generator's texts."""
    tags = []
    if not text:
        return tags
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c not in "#\uff03":
            i += 1
            continue
        prev = text[i - 1] if i > 0 else ""
        if prev and (_tag_char(prev) or prev == "&" or unicodedata.category(prev) == "Nd"):
            i += 1
            continue
        j = i + 1
        while j < n and _tag_char(text[j]):
            j += 1
        body = text[i + 1:j]
        if body and any(unicodedata.category(ch)[0] in "LM" for ch in body):
            after = text[j:j + 3]
            if not (after[:1] in ("#", "\uff03") or after == "://"):
                tags.append(body)
        i = max(j, i + 1)
    return tags


def normalize_hashtag(tag):
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", tag).casefold())


def platform_list(tags):
    out = []
    for t in tags:
        if not isinstance(t, str):
            continue
        if t[:1] in ("#", "\uff03"):
            t = t[1:]
        if t:
            out.append(t)
    return out


# --------------------------------------------------------------------------
# Decoding (docs/decoding.md): only what the five figures need


def exact_id(value):
    if isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    return None


def counter(value):
    """A cumulative counter or None ("not reported")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value < (1 << 63) else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        v = int(value)
        return v if v < (1 << 63) else None
    return None


def join_text(title, body):
    parts = [p for p in (title, body) if isinstance(p, str) and p != ""]
    if not parts:
        if isinstance(title, str) or isinstance(body, str):
            return ""
        return None
    return "\n\n".join(parts)


def reddit_likes(data):
    if "ups" in data and data["ups"] is not None:
        ups = data["ups"]
        if isinstance(ups, int) and not isinstance(ups, bool) and ups < 0:
            return None
        return counter(ups)
    return counter(data.get("score"))


def decode(env):
    """One decoded entity: ("post"|"comment", dict) or (None, None)."""
    source, kind, p = env["source"], env["kind"], env["payload"]
    if source == "x":
        if "data" in p and isinstance(p["data"], dict) and "id" not in p:
            p = p["data"]
        v11 = "user" in p or "id_str" in p
        if kind not in ("post", "comment"):
            return None, None
        if v11:
            ident = exact_id(p.get("id_str")) or exact_id(p.get("id"))
            user = p.get("user") or {}
            author = exact_id(user.get("id_str")) if isinstance(user, dict) else None
            ext = p.get("extended_tweet") if isinstance(p.get("extended_tweet"), dict) else {}
            text = ext.get("full_text") or p.get("full_text") or p.get("text")
            likes = counter(p.get("favorite_count"))
            ents = p.get("entities")
            if isinstance(ents, dict):
                tags = [h.get("text") for h in ents.get("hashtags") or [] if isinstance(h, dict)]
                tags = platform_list(tags)
            else:
                tags = extract_hashtags(text)
        else:
            ident = exact_id(p.get("id"))
            author = exact_id(p.get("author_id"))
            note = p.get("note_tweet") if isinstance(p.get("note_tweet"), dict) else None
            text = note.get("text") if note and isinstance(note.get("text"), str) else p.get("text")
            metrics = p.get("public_metrics") if isinstance(p.get("public_metrics"), dict) else {}
            likes = counter(metrics.get("like_count"))
            ents = note.get("entities") if note and isinstance(note.get("entities"), dict) else p.get("entities")
            if isinstance(ents, dict):
                tags = platform_list([h.get("tag") for h in ents.get("hashtags") or [] if isinstance(h, dict)])
            else:
                tags = extract_hashtags(text)
        created = created_us(source, p.get("created_at"))
    elif source == "reddit":
        child_kind = p.get("kind")
        data = p.get("data") if isinstance(p.get("data"), dict) else None
        if data is None:
            return None, None
        if child_kind is None:
            child_kind = {"post": "t3", "comment": "t1", "user": "t2"}[kind]
        if child_kind == "t3":
            kind = "post"
            ident = exact_id(data.get("id"))
            if ident is None and isinstance(data.get("name"), str) and data["name"].startswith("t3_"):
                ident = data["name"][3:] or None
            text = join_text(data.get("title"), data.get("selftext"))
            likes = reddit_likes(data)
        elif child_kind == "t1":
            kind = "comment"
            ident = exact_id(data.get("id"))
            text = data.get("body")
            likes = reddit_likes(data)
        else:
            return None, None
        author = data.get("author")
        if author == "[deleted]" or not isinstance(author, str) or author == "":
            author = None
        created = created_us(source, data.get("created_utc"))
        tags = extract_hashtags(text)
    elif source == "youtube":
        yk = p.get("kind") or {"post": "youtube#video", "comment": "youtube#commentThread"}.get(kind)
        if yk == "youtube#video":
            kind = "post"
            sn = p.get("snippet") or {}
            ident = exact_id(p.get("id"))
            author = exact_id(sn.get("channelId"))
            text = join_text(sn.get("title"), sn.get("description"))
            stats = p.get("statistics") if isinstance(p.get("statistics"), dict) else {}
            likes = counter(stats.get("likeCount"))
            if isinstance(sn.get("tags"), list):
                tags = platform_list(sn["tags"])
            else:
                tags = extract_hashtags(text)
            created = created_us(source, sn.get("publishedAt"))
        elif yk in ("youtube#commentThread", "youtube#comment"):
            kind = "comment"
            c = p
            if yk == "youtube#commentThread":
                c = (p.get("snippet") or {}).get("topLevelComment")
                if not isinstance(c, dict):
                    return None, None
            sn = c.get("snippet") or {}
            ident = exact_id(c.get("id"))
            ac = sn.get("authorChannelId")
            author = exact_id(ac.get("value")) if isinstance(ac, dict) else None
            text = sn.get("textOriginal") if isinstance(sn.get("textOriginal"), str) else sn.get("textDisplay")
            likes = counter(sn.get("likeCount"))
            tags = extract_hashtags(text)
            created = created_us(source, sn.get("publishedAt"))
        else:
            return None, None
    elif source == "instagram":
        if kind == "user":
            return None, None
        ident = exact_id(p.get("id"))
        likes = counter(p.get("like_count"))
        created = created_us(source, p.get("timestamp"))
        if kind == "post":
            author = exact_id((p.get("owner") or {}).get("id"))
            text = p.get("caption")
        else:
            author = exact_id((p.get("from") or {}).get("id"))
            text = p.get("text")
        tags = extract_hashtags(text)
    elif source == "tiktok":
        if kind == "user":
            return None, None
        ident = exact_id(p.get("id"))
        likes = counter(p.get("like_count"))
        created = created_us(source, p.get("create_time"))
        if kind == "post":
            author = p.get("username") if isinstance(p.get("username"), str) and p.get("username") else None
            text = p.get("video_description")
            if isinstance(p.get("hashtag_names"), list):
                tags = platform_list(p["hashtag_names"])
            else:
                tags = extract_hashtags(text)
        else:
            author = None
            text = p.get("text")
            tags = extract_hashtags(text)
    else:
        return None, None
    if kind not in ("post", "comment") or ident is None:
        return None, None
    if isinstance(text, str):
        text = text.replace("\x00", "")
    return kind, {"id": ident, "author": author, "created": created, "text": text,
                  "likes": likes, "tags": tags}


# --------------------------------------------------------------------------
# Campaign membership (docs/data-dictionary.md, `smelt campaign add --help`)


def _word_char(c):
    return c.isalnum() or c == "_"


def keyword_in(text, keyword):
    """keyword as a whole word, any case: no word character right before or after it."""
    if not text or not keyword:
        return False
    hay, needle = text.lower(), keyword.lower()
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return False
        j = i + len(needle)
        before_ok = i == 0 or not (_word_char(hay[i - 1]) and _word_char(needle[0]))
        after_ok = j == len(hay) or not (_word_char(hay[j]) and _word_char(needle[-1]))
        if before_ok and after_ok:
            return True
        start = i + 1


def load_campaigns(path):
    if path:
        with open(path, encoding="utf-8") as f:
            campaigns = json.load(f)
    else:
        campaigns = [dict(c, starts="2000-01-01T00:00:00Z", ends=None) for c in GENERATOR_CAMPAIGNS]
    for c in campaigns:
        c["norm_tags"] = {normalize_hashtag(h.lstrip("#")) for h in c.get("hashtags", [])}
        starts = c.get("starts") or "2000-01-01T00:00:00Z"
        if len(starts) == 10:
            starts += "T00:00:00Z"
        c["starts_us"] = parse_rfc3339_us(starts)
        ends = c.get("ends")
        if ends and len(ends) == 10:
            ends += "T00:00:00Z"
        c["ends_us"] = parse_rfc3339_us(ends) if ends else None
    return campaigns


# --------------------------------------------------------------------------
# The figures


def compute(events_path, campaigns, window_end=None):
    posts = {}            # (source, id) -> (observed_us, seq, decoded)   newest observation wins
    observations = {}     # (source, id, observed_us) -> (seq, likes)      duplicates collapsed
    comments = {}         # (source, id) -> (observed_us, seq, decoded)
    stats = defaultdict(int)
    with open(events_path, "rb") as f:
        for seq, line in enumerate(f):
            raw = line[:-1] if line.endswith(b"\n") else line
            stats["messages"] += 1
            env, reason = accept(raw)
            if env is None:
                stats["rejected_" + reason] += 1
                continue
            try:
                kind, row = decode(env)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
                stats["decode_errors"] += 1
                continue
            if kind is None:
                continue
            obs = env["_observed_us"]
            key = (env["source"], row["id"])
            if kind == "post":
                stats["post_messages"] += 1
                cur = posts.get(key)
                if cur is None or (obs, seq) >= cur[:2]:
                    posts[key] = (obs, seq, row)
                okey = key + (obs,)
                observations[okey] = row["likes"]  # same observed_at: the later message wins
            else:
                stats["comment_messages"] += 1
                cur = comments.get(key)
                if cur is None or (obs, seq) >= cur[:2]:
                    comments[key] = (obs, seq, row)
    stats["posts"] = len(posts)
    stats["comments"] = len(comments)
    stats["observations"] = len(observations)

    # 1. posts per platform per day (created_at)
    posts_day = defaultdict(int)
    for (source, _), (_, _, row) in posts.items():
        posts_day[(day_of(row["created"]), source)] += 1

    # 2. likes gained per platform per hour (observed_at of the observation)
    by_post = defaultdict(list)
    for (source, ident, obs), likes in observations.items():
        by_post[(source, ident)].append((obs, likes))
    likes_hour = defaultdict(int)
    obs_hour = defaultdict(int)
    for (source, _), obs_list in by_post.items():
        obs_list.sort()
        carried = None
        for obs, likes in obs_list:
            previous = carried
            if likes is not None:
                carried = likes
            gained = 0 if carried is None else carried - (previous or 0)
            bucket = (hour_of(obs), source)
            likes_hour[bucket] += gained
            obs_hour[bucket] += 1

    # 3. hashtags: posts per normalized hashtag, a post once per hashtag
    tag_posts = defaultdict(int)
    for _, (_, _, row) in posts.items():
        for tag in {normalize_hashtag(t) for t in row["tags"]}:
            if tag:
                tag_posts[tag] += 1
    top20 = sorted(tag_posts.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-8")))[:20]

    # 4. posts per campaign per day
    campaign_day = defaultdict(int)
    for _, (_, _, row) in posts.items():
        norm = {normalize_hashtag(t) for t in row["tags"]}
        for c in campaigns:
            if row["created"] < c["starts_us"] or (c["ends_us"] is not None and row["created"] >= c["ends_us"]):
                continue
            if norm & c["norm_tags"] or any(keyword_in(row["text"], k) for k in c.get("keywords", [])):
                campaign_day[(day_of(row["created"]), c["name"])] += 1

    # 5. daily active users: (active, posting, commenting) per day and platform
    posting = defaultdict(set)
    commenting = defaultdict(set)
    for (source, _), (_, _, row) in posts.items():
        if row["author"] is not None:
            posting[(day_of(row["created"]), source)].add(row["author"])
    for (source, _), (_, _, row) in comments.items():
        if row["author"] is not None:
            commenting[(day_of(row["created"]), source)].add(row["author"])
    dau = {}
    for key in set(posting) | set(commenting):
        p, c = posting.get(key, set()), commenting.get(key, set())
        dau[key] = (len(p | c), len(p), len(c))

    # 6. trending: posts per hashtag created in the 7 UTC days ending with
    # window_end (a date) and in the 7 days before; hashtags with posts in the window
    trending = {}
    if window_end is not None:
        end_us = calendar.timegm(window_end.timetuple()) * 1000000 + 86400 * 1000000
        week_us = 7 * 86400 * 1000000
        window = defaultdict(lambda: [0, 0])
        for _, (_, _, row) in posts.items():
            created = row["created"]
            if not (end_us - 2 * week_us <= created < end_us):
                continue
            for tag in {normalize_hashtag(t) for t in row["tags"]}:
                if tag:
                    window[tag][0 if created >= end_us - week_us else 1] += 1
        trending = {tag: tuple(v) for tag, v in window.items() if v[0] > 0}

    return {
        "trending": trending,
        "posts_day": dict(posts_day),
        "likes_hour": dict(likes_hour),
        "obs_hour": dict(obs_hour),
        "top20": top20,
        "tag_posts": dict(tag_posts),
        "campaign_day": dict(campaign_day),
        "dau": dau,
    }, stats


# --------------------------------------------------------------------------
# Gold


def query(conninfo, sql):
    result = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-F", "\t",
                             "-d", conninfo, "-c", "set timezone = 'UTC'", "-c", sql],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write("psql failed: %s\n%s" % (sql, result.stderr))
        sys.exit(2)
    return [line.split("\t") for line in result.stdout.splitlines() if line != "" and line != "SET"]


def gold_figures(conninfo):
    g = {}
    g["posts_day"] = {(d, p): int(n) for d, p, n in query(conninfo, """
        select (hour at time zone 'UTC')::date, platform, sum(posts)
        from gold.mart_hourly_activity group by 1, 2 having sum(posts) <> 0""")}
    rows = query(conninfo, """
        select to_char(hour at time zone 'UTC', 'YYYY-MM-DD HH24:00:00'), platform,
               observations, coalesce(likes_gained::text, 'NULL')
        from gold.mart_hourly_activity where observations <> 0 or likes_gained <> 0""")
    g["likes_hour"] = {(h, p): (int(v) if v != "NULL" else None) for h, p, _, v in rows}
    g["obs_hour"] = {(h, p): int(o) for h, p, o, _ in rows if int(o) != 0}
    g["top20"] = [(h, int(n)) for h, n in query(conninfo, """
        select hashtag, sum(posts) from gold.mart_hashtag_daily
        group by hashtag order by sum(posts) desc, hashtag collate "C" limit 20""")]
    g["campaign_day"] = {(d, c): int(n) for d, c, n in query(conninfo, """
        select day, campaign, posts from gold.mart_campaign_daily where posts <> 0""")}
    g["trending"] = {t: (int(n), int(m)) for t, n, m in query(conninfo, """
        select hashtag, posts_7d, posts_previous_7d from gold.mart_trending_hashtags_7d""")}
    g["dau"] = {(d, p): (int(a), int(po), int(co)) for d, p, a, po, co in query(conninfo, """
        select day, platform, active_users, posting_users, commenting_users
        from gold.mart_daily_active_users""")}
    return g


# --------------------------------------------------------------------------
# Comparison


def compare_maps(title, mine, gold):
    keys = sorted(set(mine) | set(gold))
    diffs = [(k, mine.get(k), gold.get(k)) for k in keys if mine.get(k) != gold.get(k)]
    return report(title, len(keys), diffs)


def compare_lists(title, mine, gold):
    n = max(len(mine), len(gold))
    diffs = []
    for i in range(n):
        a = mine[i] if i < len(mine) else None
        b = gold[i] if i < len(gold) else None
        if a != b:
            diffs.append((i + 1, a, b))
    return report(title, n, diffs)


def report(title, compared, diffs):
    status = "ok" if not diffs else "MISMATCH"
    print("%-44s %s: %d rows compared, %d mismatches" % (title, status, compared, len(diffs)))
    for key, a, b in diffs[:10]:
        print("    %s: check=%s gold=%s" % (key, a, b))
    return not diffs


def main():
    parser = argparse.ArgumentParser(description="Compare gold with figures computed from the generated events.")
    parser.add_argument("--events", required=True, help="JSON lines written by smelt generate --output")
    parser.add_argument("--database", required=True, help="PostgreSQL conninfo of the smelt database")
    parser.add_argument("--campaigns", help="JSON list of campaigns (default: the generator's six, from 2000-01-01)")
    args = parser.parse_args()

    window_end = [dt.date.fromisoformat(d) for (d,) in query(args.database, """
        select (complete_through at time zone 'UTC')::date from gold.mart_freshness
        where mart = 'mart_hashtag_sentiment_hourly' and complete_through is not null""")]
    mine, stats = compute(args.events, load_campaigns(args.campaigns), window_end[0] if window_end else None)
    print("events: " + " ".join("%s=%d" % kv for kv in sorted(stats.items())))
    gold = gold_figures(args.database)

    ok = True
    ok &= compare_maps("1. posts per platform per day", mine["posts_day"], gold["posts_day"])
    # observations explain a likes difference: report them beside it
    ok &= compare_maps("   observations per platform per hour", mine["obs_hour"], gold["obs_hour"])
    ok &= compare_maps("2. likes gained per platform per hour", mine["likes_hour"], gold["likes_hour"])
    ok &= compare_lists("3. top 20 hashtags by posts", mine["top20"], gold["top20"])
    ok &= compare_maps("4. posts per campaign per day", mine["campaign_day"], gold["campaign_day"])
    ok &= compare_maps("5. daily active users (active, posting, commenting)", mine["dau"], gold["dau"])
    ok &= compare_maps("6. trending hashtags (posts 7d, previous 7d)", mine["trending"], gold["trending"])
    print("independent check: %s" % ("gold matches" if ok else "gold DIFFERS"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
