#!/usr/bin/python3
"""Reads impactsim's topics with clients impactsim did not write, and decodes every record.

Kafka through confluent-kafka (librdkafka), schemas through confluent-kafka's Schema Registry
client, Avro through Apache Avro for Python: the packages Debian ships as python3-confluent-kafka,
python3-requests and python3-avro. Each topic is read from its beginning to its end (committed
transactions only); each value must be in the Confluent wire format (magic byte 0, 4-byte schema
id, Avro binary) and decode, with the writer's schema fetched by id, to exactly its bytes.

Prints one JSON object: per topic, the records read, decoded and failed, tombstones, the distinct
keys, the schema ids seen, and the first failures. Exits 0 when every record decoded, 1 otherwise.

  /usr/bin/python3 read_topics.py --bootstrap-servers localhost:9092 \
      --schema-registry-url http://localhost:8081 impactsim.deals.v1 impactsim.market-share.v1
"""

import argparse
import io
import json
import struct
import sys
import time
import uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaError, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient

MAGIC_BYTE = 0
MAX_FAILURES_SHOWN = 5


class Decoder:
    """Decodes Confluent wire-format Avro values, fetching each writer schema once by its id."""

    def __init__(self, registry_url):
        self.registry = SchemaRegistryClient({"url": registry_url})
        self.readers = {}

    def decode(self, value):
        if len(value) < 5 or value[0] != MAGIC_BYTE:
            raise ValueError("not the Confluent wire format (magic byte %r)" % value[:1])
        schema_id = struct.unpack(">I", value[1:5])[0]
        reader = self.readers.get(schema_id)
        if reader is None:
            registered = self.registry.get_schema(schema_id)
            reader = avro.io.DatumReader(avro.schema.parse(registered.schema_str))
            self.readers[schema_id] = reader
        body = io.BytesIO(value[5:])
        datum = reader.read(avro.io.BinaryDecoder(body))
        if body.tell() != len(value) - 5:
            raise ValueError(
                "schema %d read %d of %d bytes" % (schema_id, body.tell(), len(value) - 5))
        return schema_id, datum


def read_topic(args, decoder, topic):
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": "read-topics-" + uuid.uuid4().hex,
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
        "enable.partition.eof": True,
    })
    stats = {"records": 0, "decoded": 0, "tombstones": 0, "failed": 0,
             "schemaIds": set(), "failures": [], "keys": set()}
    try:
        metadata = consumer.list_topics(topic, timeout=args.timeout)
        if metadata.topics[topic].error is not None:
            raise SystemExit("topic %s: %s" % (topic, metadata.topics[topic].error))
        partitions = [TopicPartition(topic, p, 0) for p in metadata.topics[topic].partitions]
        pending = set()
        for tp in partitions:
            low, high = consumer.get_watermark_offsets(tp, timeout=args.timeout)
            if high > low:
                pending.add(tp.partition)
        consumer.assign(partitions)
        deadline = time.monotonic() + args.timeout
        while pending:
            if time.monotonic() > deadline:
                raise SystemExit("topic %s: end not reached in %ss, partitions %s left"
                                 % (topic, args.timeout, sorted(pending)))
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    pending.discard(message.partition())
                    continue
                raise SystemExit("topic %s: %s" % (topic, message.error()))
            count(stats, decoder, message)
    finally:
        consumer.close()
    stats["schemaIds"] = sorted(stats["schemaIds"])
    stats["keys"] = len(stats["keys"])
    return stats


def count(stats, decoder, message):
    stats["records"] += 1
    stats["keys"].add(message.key())
    value = message.value()
    if value is None:
        stats["tombstones"] += 1
        return
    try:
        message.key().decode("utf-8")
        schema_id, _ = decoder.decode(value)
        stats["schemaIds"].add(schema_id)
        stats["decoded"] += 1
    except Exception as e:  # every failure is counted and shown, none stops the count
        stats["failed"] += 1
        if len(stats["failures"]) < MAX_FAILURES_SHOWN:
            stats["failures"].append("partition %d offset %d: %s: %s" % (
                message.partition(), message.offset(), type(e).__name__, e))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--schema-registry-url", required=True)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per topic")
    parser.add_argument("topics", nargs="+")
    args = parser.parse_args()
    decoder = Decoder(args.schema_registry_url)
    result = {topic: read_topic(args, decoder, topic) for topic in args.topics}
    json.dump({"topics": result}, sys.stdout, indent=2, sort_keys=True)
    print()
    return 0 if all(t["failed"] == 0 for t in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
