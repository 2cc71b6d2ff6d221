package io.github.camelsmarthome.homeconnect.api;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the event stream needs from the REST side to resync after a gap: the few reads of brief
 * section 8.7 rule 5, each answering the {@code data} member of the response. Implemented by the
 * REST client; the stream never builds requests itself.
 */
public interface ApplianceStateSource {

    /** {@code GET /homeappliances}: {@code {"homeappliances":[...]}}. */
    CompletableFuture<JsonNode> appliances(RequestPriority priority);

    /** {@code GET /homeappliances/{haId}/status}: {@code {"status":[...]}}. */
    CompletableFuture<JsonNode> status(String haId, RequestPriority priority);

    /** {@code GET /homeappliances/{haId}/settings}: {@code {"settings":[...]}}. */
    CompletableFuture<JsonNode> settings(String haId, RequestPriority priority);

    /**
     * {@code GET /homeappliances/{haId}/programs/active}: the program; completes exceptionally with
     * {@link NoProgramActiveException} when none runs.
     */
    CompletableFuture<JsonNode> activeProgram(String haId, RequestPriority priority);
}
