#!/usr/bin/env python3
"""A Python Kafka-to-PostgreSQL consumer, the baseline smelt ingest is compared with.

confluent-kafka (librdkafka) consumer in a group, psycopg2 writer. Each batch
of up to --batch-rows messages is checked (JSON object with string source,
kind and observed_at), written to bronze.events with one COPY through
copy_expert, and committed; only then are the batch's offsets committed to
Kafka (synchronously): at-least-once, never an offset ahead of the database.
Messages that are not valid envelopes are skipped and counted.

Stops once every assigned partition reached its end (partition EOF) and the
last batch is written, or after --idle-exit seconds without a message.
Prints one JSON line: rows, skipped, batches, seconds from the first message
to the last commit.
"""

import argparse
import io
import json
import sys
import time
from datetime import datetime, timezone

import psycopg2
from confluent_kafka import Consumer, KafkaError, KafkaException

COPY_SQL = (
    "copy bronze.events (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,"
    " source, kind, observed_at, raw) from stdin"
)
SOURCES = {"x", "instagram", "tiktok", "youtube", "reddit"}
KINDS = {"post", "comment", "user"}
# COPY text format: backslash, tab, newline and carriage return are escaped.
ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_row(message, envelope):
    key = message.key()
    ts_type, ts_ms = message.timestamp()
    return "\t".join((
        message.topic(),
        str(message.partition()),
        str(message.offset()),
        "\\\\x" + key.hex() if key is not None else "\\N",
        datetime.fromtimestamp(ts_ms / 1000, timezone.utc).isoformat() if ts_ms >= 0 else "\\N",
        envelope["source"],
        envelope["kind"],
        envelope["observed_at"].translate(ESCAPES),
        message.value().decode("utf-8").translate(ESCAPES),
    ))


def envelope_of(value):
    try:
        envelope = json.loads(value)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("payload"), dict):
        return None
    if envelope.get("source") not in SOURCES or envelope.get("kind") not in KINDS:
        return None
    if not isinstance(envelope.get("observed_at"), str):
        return None
    return envelope


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--topic", default="social.events")
    parser.add_argument("--group", default="python-bench")
    parser.add_argument("--database", required=True, help="libpq conninfo")
    parser.add_argument("--batch-rows", type=int, default=20000)
    parser.add_argument("--idle-exit", type=float, default=10.0)
    args = parser.parse_args()

    consumer = Consumer({
        "bootstrap.servers": args.brokers,
        "group.id": args.group,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "enable.partition.eof": True,
    })
    consumer.subscribe([args.topic])
    db = psycopg2.connect(args.database)
    with db.cursor() as cursor:
        cursor.execute("set smelt.batch_id = 0")
    db.commit()

    rows = skipped = batches = 0
    first = last_commit = None
    assigned_eof = {}
    last_message = time.monotonic()
    while True:
        messages = consumer.consume(num_messages=args.batch_rows, timeout=0.5)
        buffer = io.StringIO()
        batch = 0
        for message in messages:
            error = message.error()
            if error is not None:
                if error.code() == KafkaError._PARTITION_EOF:
                    assigned_eof[message.partition()] = True
                    continue
                raise KafkaException(error)
            assigned_eof[message.partition()] = False
            if first is None:
                first = time.time()
            envelope = envelope_of(message.value())
            if envelope is None:
                skipped += 1
                continue
            buffer.write(copy_row(message, envelope))
            buffer.write("\n")
            batch += 1
        if messages:
            last_message = time.monotonic()
            if batch:
                buffer.seek(0)
                with db.cursor() as cursor:
                    cursor.copy_expert(COPY_SQL, buffer)
            db.commit()
            # Offsets only after the rows are durable in PostgreSQL.
            consumer.commit(asynchronous=False)
            last_commit = time.time()
            rows += batch
            batches += 1
        done = assigned_eof and all(assigned_eof.values()) and len(assigned_eof) == len(consumer.assignment())
        if done or time.monotonic() - last_message > args.idle_exit:
            break
    consumer.close()
    db.close()
    seconds = (last_commit - first) if first and last_commit else 0.0
    print(json.dumps({"rows": rows, "skipped": skipped, "batches": batches, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
