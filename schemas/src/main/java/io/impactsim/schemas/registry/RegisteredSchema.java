package io.impactsim.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject: its number, the global schema id and the schema. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
