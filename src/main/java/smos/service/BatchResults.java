package smos.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import smos.request.Json;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the results of a batch go, one per item in order, each with its {@code index} and either the
 * decision (its {@code decisionId} and the version that made it, the trace when asked for) or the
 * {@code error} that takes its place (with the {@code decisionId} the refused item is recorded under): as one JSON array, or as NDJSON lines.
 */
public final class BatchResults implements AutoCloseable {
    private static final ObjectWriter WRITER = Json.mapper().writer();

    private final JsonGenerator gen;
    private final boolean array;

    private BatchResults(OutputStream out, boolean array) throws IOException {
        this.gen = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        this.array = array;
        if (array) {
            gen.writeStartArray();
        } else {
            gen.setRootValueSeparator(null);
        }
    }

    /** Results as one JSON array. */
    public static BatchResults asArray(OutputStream out) throws IOException {
        return new BatchResults(out, true);
    }

    /** Results as NDJSON: one line each. */
    public static BatchResults asNdjson(OutputStream out) throws IOException {
        return new BatchResults(out, false);
    }

    void decision(long index, DecisionResponse response, boolean trace) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("index", index);
        gen.writeStringField("decisionId", response.decisionId());
        gen.writeStringField("rulesetVersion", response.rulesetVersion());
        gen.writeFieldName("decision");
        WRITER.writeValue(gen, response.decision());
        if (trace) {
            gen.writeFieldName("trace");
            WRITER.writeValue(gen, response.trace());
        }
        gen.writeEndObject();
        endItem();
    }

    /** {@code decisionId}: the id under which the refused item is on record; null on the line that ends a stopped batch. */
    void error(long index, String decisionId, BatchDecisions.ItemError error) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("index", index);
        if (decisionId != null) {
            gen.writeStringField("decisionId", decisionId);
        }
        gen.writeFieldName("error");
        WRITER.writeValue(gen, error);
        gen.writeEndObject();
        endItem();
    }

    private void endItem() throws IOException {
        if (!array) {
            gen.writeRaw('\n');
        }
    }

    @Override
    public void close() throws IOException {
        if (array) {
            gen.writeEndArray();
        }
        gen.close();
    }
}
