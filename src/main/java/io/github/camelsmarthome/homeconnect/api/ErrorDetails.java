package io.github.camelsmarthome.homeconnect.api;

/**
 * What the factory learned from one failed request, already sanitised, handed to the exception
 * constructors so that each subclass needs only one constructor.
 *
 * @param httpStatus  the HTTP status, or 0 when no response arrived
 * @param errorKey    the envelope's {@code key}, or {@code null} when the body had none
 * @param description the envelope's {@code description}, or {@code null}
 * @param applianceErrorCode the envelope's appliance-side {@code code}, or {@code null}
 * @param request     what was asked, e.g. {@code GET /api/homeappliances/{haId}/status}
 * @param bodyNote    why the body could not be read, or {@code null} when it was fine
 */
record ErrorDetails(
        int httpStatus,
        String errorKey,
        String description,
        Integer applianceErrorCode,
        String request,
        String bodyNote) {
}
