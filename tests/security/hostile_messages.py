#!/usr/bin/env python3
"""Kafka messages whose content looks like SQL, COPY framing or shell, for
tests/security/least_privilege.sh.

Writes DIR/messages (records separated by 0x1e, each "key 0x1f value", for
kcat -P -D '\\x1e' -K '\\x1f'), DIR/raw.md5 (md5 of each message in order),
DIR/texts (post_id, md5 of its text, one per line), DIR/hashtags (each
hashtag tag as sent, one per line, JSON-encoded) and DIR/users (user id and
md5 of the display name).
"""
import datetime
import hashlib
import json
import sys

HOSTILE = [
    "Robert'); DROP TABLE bronze.events; --",
    "'' OR '1'='1'; select pg_sleep(30); --",
    'a "double" quote and a \'single\' one',
    "back\\slash \\\\ and \\N and \\. alone",
    "line one\nline two\r\n\\.\nafter the COPY end marker",
    "tab\tseparated\tcolumns\t\\t",
    "$$ dollar $$ $tag$ quoted $tag$ $1 $2",
    "%s %d {} {{}} ${PATH} $(touch /tmp/smelt-pwned) `id`",
    "\\x00 \\000 \\u0000 written out, never a NUL",
    "\"; COPY bronze.events FROM PROGRAM 'id'; --",
    "E'\\'' ; reset role; set role postgres; --",
    "Ω≈ç√ ＇fullwidth＇ ‘curly’ «guillemets» \u202eright-to-left",
]
TAGS = ["quote'tag", "back\\slash", "semi;colon", "dollar$$", "tab\there"]


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def post(index, text):
    # Minutes before now, so that the marts' recent windows show them.
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    created = now - datetime.timedelta(minutes=30)
    observed = now - datetime.timedelta(minutes=20, seconds=-index)
    post_id = str(9100000000000000000 + index)
    user_id = str(3300000000000000 + index)
    return post_id, user_id, {
        "source": "x", "kind": "post", "observed_at": stamp(observed),
        "payload": {
            "id": post_id, "text": text, "author_id": user_id, "created_at": stamp(created),
            "lang": "en",
            "public_metrics": {"retweet_count": 1, "reply_count": 1, "like_count": index + 1,
                               "quote_count": 0, "impression_count": 100},
            "entities": {"hashtags": [{"start": 0, "end": 1, "tag": TAGS[index % len(TAGS)]}]},
        },
        "includes": {"users": [{"id": user_id, "name": text, "username": "hostile_%d" % index,
                                "created_at": "2013-12-14T04:35:55.000Z", "description": text,
                                "public_metrics": {"followers_count": 1, "following_count": 1,
                                                   "tweet_count": 1, "listed_count": 0}}]},
    }


def main():
    out = sys.argv[1]
    messages = []
    texts = []
    users = []
    for index, text in enumerate(HOSTILE):
        post_id, user_id, envelope = post(index, text)
        raw = json.dumps(envelope, ensure_ascii=(index % 2 == 0)).encode()
        key = ("x:%s\t'\\.\n$$" % post_id).encode()
        messages.append((key, raw))
        texts.append((post_id, hashlib.md5(text.encode()).hexdigest()))
        users.append((user_id, hashlib.md5(text.encode()).hexdigest()))
    # Not JSON: raw bytes with COPY framing land in bronze.rejects verbatim.
    messages.append((b"bad\\.key", b"{\"source\": \"x\", \"payload\": \"\n\\.\n\t'); DROP TABLE smelt.ingest_offsets; --"))
    with open(out + "/messages", "wb") as f:
        f.write(b"\x1e".join(key + b"\x1f" + raw for key, raw in messages))
    with open(out + "/raw.md5", "w") as f:
        for key, raw in messages:
            f.write("%s %s\n" % (hashlib.md5(key).hexdigest(), hashlib.md5(raw).hexdigest()))
    with open(out + "/texts", "w") as f:
        f.writelines("%s %s\n" % t for t in texts)
    with open(out + "/users", "w") as f:
        f.writelines("%s %s\n" % u for u in users)
    with open(out + "/hashtags", "w") as f:
        f.writelines(json.dumps(t) + "\n" for t in TAGS)


if __name__ == "__main__":
    main()
